/**
 * The vocabulary of the rules: the facts a DRL file can match and the helpers its consequences call.
 * Observed facts (Clock, Mailbox, Expect, MxLookup, MxHost, SrvLookup, AutodiscoverSrv, Account,
 * Provider, AuthAttempt, SmtpSession, Reply, TestEmail) are inserted from a facts document;
 * data facts come from the YAML files beside the DRL: the provider's expected values
 * ({@code org.exdiag.expected.ExpectedValues}, configuration that probes and HTTP read too, imported for
 * every rules folder) and ReplyClass (each reply's meaning by the first pattern of smtp-replies.yaml that
 * matches it, {@code org.exdiag.replies});
 * inferred facts (Finding, Warning, Link, Note) are inserted logically by rules, so they
 * disappear with what justified them. Strings are lower-case wire values and host names are
 * normalized (lower case, no final dot), so rules compare with plain ==.
 * See docs/rules.md.
 */
package org.exdiag.rules;
