package org.exdiag.rules;

/** A warning code that at least one finding supports; equal warnings are one logical fact. */
public record Warning(String code) {
}
