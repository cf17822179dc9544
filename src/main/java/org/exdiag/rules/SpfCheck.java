package org.exdiag.rules;

/**
 * The SPF policy evaluated for one sending address: pass, fail, softfail, neutral, none, permerror or
 * temperror; for a fail, the policy's own explanation (exp=), or null.
 */
public record SpfCheck(String ip, String result, String explanation) {
}
