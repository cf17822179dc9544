package org.exdiag.rules;

/** The test emails: sent (outbound), received (inbound), each true, false or null (not attempted). */
public record TestEmail(Boolean sent, Boolean received, Integer waitedSeconds) {
}
