package org.exdiag.facts;

/** An enum whose constants are spelled in facts files by a wire name (lower case, dashes). */
public interface WireEnum extends org.exdiag.config.JsonProblems.Wire {
}
