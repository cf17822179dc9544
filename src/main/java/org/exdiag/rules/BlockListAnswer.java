package org.exdiag.rules;

import java.util.List;

/**
 * What one DNS block list answered for a sending address: {@code status} listed, clear or error (the
 * list refused or failed the query: could not check), the A records it gave, and its TXT text when listed.
 */
public record BlockListAnswer(String address, String zone, String status, List<String> answers, String text) {
}
