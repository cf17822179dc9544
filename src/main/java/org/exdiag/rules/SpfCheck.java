package org.exdiag.rules;

/** The SPF policy evaluated for one sending address: pass, fail, softfail, neutral, none, permerror or temperror. */
public record SpfCheck(String ip, String result) {
}
