package org.exdiag.bounce;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * UTF-7 (RFC 2152), which Java does not ship: Exchange 2000 and 2003 write their delivery notices in it
 * ({@code charset=unicode-1-1-utf-7}), so that "+AEA-" stands for "@" in every address they name.
 */
final class Utf7 {
    private static final Set<String> NAMES = Set.of("utf-7", "utf7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7");

    private Utf7() {
    }

    static boolean isUtf7(String charset) {
        return charset != null && NAMES.contains(charset.strip().toLowerCase(Locale.ROOT));
    }

    /** The text: ASCII as it is; "+...-" a base64 run of UTF-16 code units; "+-" a plus sign. */
    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            char c = (char) (bytes[i] & 0xff);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < bytes.length && isBase64(bytes[end])) {
                end++;
            }
            if (end == start) {
                out.append('+'); // "+-", or a lone plus
            } else {
                out.append(utf16(bytes, start, end));
            }
            i = end < bytes.length && bytes[end] == '-' ? end + 1 : end;
        }
        return out.toString();
    }

    private static String utf16(byte[] bytes, int start, int end) {
        String run = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        if (run.length() % 4 == 1) {
            run = run.substring(0, run.length() - 1); // six bits left over: padding, not a unit
        }
        byte[] units = Base64.getDecoder().decode(run); // padding is optional to Java's decoder
        StringBuilder s = new StringBuilder(units.length / 2);
        for (int k = 0; k + 1 < units.length; k += 2) {
            s.append((char) (((units[k] & 0xff) << 8) | (units[k + 1] & 0xff)));
        }
        return s.toString();
    }

    private static boolean isBase64(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/';
    }
}
