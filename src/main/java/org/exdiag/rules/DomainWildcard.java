package org.exdiag.rules;

/** Whether a random label under the domain resolves ({@code client.wildcard}; inserted only when checked). */
public record DomainWildcard(boolean answers) {
}
