package org.exdiag.rules;

/**
 * One row of the rules folder's links.yaml: warning {@code cause} explains warning {@code effect} when
 * both are present; with a {@code causeTag}, only when a finding of the cause has that message tag (a
 * refusal heard at submission: {@code SUBMISSION_REPLY}).
 *
 * @param name what explain and the scenarios call the link, as they call a rule
 */
public record LinkRow(String name, String cause, String causeTag, String effect) {
}
