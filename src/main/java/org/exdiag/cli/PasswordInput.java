package org.exdiag.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.exdiag.probe.Secret;

/** Where the diagnostic's password comes from: standard input, an environment variable, or a prompt. Never argv. */
final class PasswordInput {
    private static final int MAX_CHARS = 1024;

    private PasswordInput() {
    }

    /** The first line of {@code in}, read as characters and never as a String. */
    static Secret fromStream(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[MAX_CHARS];
        int length = 0;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (length == MAX_CHARS) {
                Arrays.fill(buffer, '\0');
                throw new IOException("password longer than " + MAX_CHARS + " characters");
            }
            buffer[length++] = (char) c;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        Secret secret = new Secret(Arrays.copyOf(buffer, length));
        Arrays.fill(buffer, '\0');
        return secret;
    }

    static Secret fromEnvironment(String variable) {
        String value = System.getenv(variable);
        return value == null ? null : new Secret(value.toCharArray());
    }

    /** Asks on the terminal without echo; null when there is no terminal. */
    static Secret prompt(String mailbox) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("Password for %s: ", mailbox);
        return typed == null ? null : new Secret(typed);
    }
}
