package org.exdiag.config;

/**
 * Says what is wrong with bytes that are not text, for an error a person understands: binary content
 * (a control character no text file holds), or bytes that are not UTF-8 (a file saved as Latin-1).
 * Only run when a parser has already failed, so it costs nothing on good documents.
 */
public final class TextCheck {
    private TextCheck() {
    }

    /** A one-line description of the first non-text or non-UTF-8 byte, or null when the bytes are UTF-8 text. */
    public static String problem(byte[] bytes) {
        String binary = firstControlCharacter(bytes);
        return binary != null ? binary : firstNonUtf8(bytes);
    }

    private static String firstControlCharacter(byte[] bytes) {
        int line = 1;
        int column = 1;
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b == '\n') {
                line++;
                column = 1;
            } else if (b < 0x20 && b != '\t' && b != '\r' || b == 0x7f) {
                return String.format("binary content, not a text document (byte 0x%02X at line %d, column %d)", b, line, column);
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return null;
    }

    private static String firstNonUtf8(byte[] bytes) {
        int line = 1;
        int column = 1;
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                line++;
                column = 1;
                i++;
                continue;
            }
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            boolean ok = length > 0 && i + length <= bytes.length;
            for (int k = 1; ok && k < length; k++) {
                ok = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (!ok) {
                return String.format("not UTF-8 text (byte 0x%02X at line %d, column %d): save the file as UTF-8", b, line, column);
            }
            i += length;
            column++;
        }
        return null;
    }
}
