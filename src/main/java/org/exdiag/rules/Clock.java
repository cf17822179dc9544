package org.exdiag.rules;

import java.time.Instant;

/** The moment the facts were collected: the only clock time rules may use. */
public record Clock(Instant now) {
}
