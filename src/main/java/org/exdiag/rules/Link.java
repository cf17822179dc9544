package org.exdiag.rules;

/** {@code cause} explains {@code effect}: both are warning codes present in the session. */
public record Link(String cause, String effect) {
}
