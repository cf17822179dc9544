package org.exdiag.rules;

/** A part a probe or the provider's API could not give (the facts' couldNotCheck): {@code part} is its section. */
public record CouldNotCheck(String part, String reason) {
}
