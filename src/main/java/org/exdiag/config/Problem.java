package org.exdiag.config;

/** One thing wrong with a rules or knowledge-base folder: the file, the line when known (else 0), what. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
