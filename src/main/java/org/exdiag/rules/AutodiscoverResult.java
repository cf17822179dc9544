package org.exdiag.rules;

/** The attempt Outlook would take its settings from ({@code client.autodiscover.result}), and the EWS URL it gave. */
public record AutodiscoverResult(String method, String ewsUrl) {
}
