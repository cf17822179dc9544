package org.exdiag.probe.ovh;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.exdiag.probe.ProbeException;

/**
 * The OVH API keys: from the environment ({@code OVH_APPLICATION_KEY}, {@code OVH_APPLICATION_SECRET},
 * {@code OVH_CONSUMER_KEY}) or from a file of {@code key=value} lines readable by its owner only.
 * Never from the command line; {@link #toString()} shows no secret.
 */
public final class OvhCredentials {
    private final String applicationKey;
    private final char[] applicationSecret;
    private final String consumerKey;

    public OvhCredentials(String applicationKey, char[] applicationSecret, String consumerKey) {
        this.applicationKey = applicationKey;
        this.applicationSecret = applicationSecret.clone();
        this.consumerKey = consumerKey;
    }

    public static OvhCredentials fromEnvironment(Map<String, String> env) throws ProbeException {
        String ak = env.get("OVH_APPLICATION_KEY");
        String as = env.get("OVH_APPLICATION_SECRET");
        String ck = env.get("OVH_CONSUMER_KEY");
        if (ak == null || as == null || ck == null) {
            throw new ProbeException("OVH API keys missing: set OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and "
                    + "OVH_CONSUMER_KEY, or give --ovh-config FILE");
        }
        return new OvhCredentials(ak, as.toCharArray(), ck);
    }

    /** Reads {@code application_key}, {@code application_secret}, {@code consumer_key}; refuses a file others can read. */
    public static OvhCredentials fromFile(Path file) throws ProbeException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new ProbeException(file + ": holds API secrets, so it must be readable by its owner only (chmod 600)");
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String ak = p.getProperty("application_key");
            String as = p.getProperty("application_secret");
            String ck = p.getProperty("consumer_key");
            if (ak == null || as == null || ck == null) {
                throw new ProbeException(file + ": needs application_key, application_secret and consumer_key");
            }
            return new OvhCredentials(ak.strip(), as.strip().toCharArray(), ck.strip());
        } catch (IOException | UnsupportedOperationException e) {
            throw new ProbeException(file + ": cannot read the OVH API keys: " + e.getMessage());
        }
    }

    String applicationKey() {
        return applicationKey;
    }

    char[] applicationSecret() {
        return applicationSecret;
    }

    String consumerKey() {
        return consumerKey;
    }

    @Override
    public String toString() {
        return "OvhCredentials[applicationKey=" + applicationKey + ", secrets hidden]";
    }
}
