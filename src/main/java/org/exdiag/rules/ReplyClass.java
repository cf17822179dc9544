package org.exdiag.rules;

/** What a reply means, by the first pattern of smtp-replies.yaml that matches it. */
public record ReplyClass(Reply reply, String category, String pattern) {
}
