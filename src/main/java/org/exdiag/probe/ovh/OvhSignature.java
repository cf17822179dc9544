package org.exdiag.probe.ovh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The OVH API v1 request signature: {@code "$1$" + sha1_hex(secret + "+" + consumerKey + "+" + METHOD
 * + "+" + fullUrl + "+" + body + "+" + timestamp)}.
 */
public final class OvhSignature {
    private OvhSignature() {
    }

    public static String sign(char[] applicationSecret, String consumerKey, String method, String url, String body,
                              long timestamp) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] secret = new String(applicationSecret).getBytes(StandardCharsets.UTF_8);
            sha1.update(secret);
            java.util.Arrays.fill(secret, (byte) 0);
            String rest = "+" + consumerKey + "+" + method + "+" + url + "+" + body + "+" + timestamp;
            sha1.update(rest.getBytes(StandardCharsets.UTF_8));
            return "$1$" + HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
