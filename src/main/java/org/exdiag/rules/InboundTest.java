package org.exdiag.rules;

/** The inbound test's delivery through the domain's MX: whether an MX host accepted it (null: not tried). */
public record InboundTest(Boolean accepted, int attempts) {
}
