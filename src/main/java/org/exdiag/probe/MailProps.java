package org.exdiag.probe;

import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail session properties for the probes: explicit timeouts everywhere, TLS as asked. */
final class MailProps {
    private MailProps() {
    }

    static Properties smtp(TlsMode tls, Duration timeout, boolean auth, boolean opportunisticTls, String heloName) {
        String p = tls == TlsMode.IMPLICIT ? "mail.smtps." : "mail.smtp.";
        Properties props = timeouts(p, timeout);
        props.setProperty(p + "auth", Boolean.toString(auth));
        props.setProperty(p + "localhost", heloName);
        props.setProperty(p + "quitwait", "true");
        if (tls == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        } else if (tls == TlsMode.IMPLICIT) {
            props.setProperty(p + "ssl.enable", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        } else if (opportunisticTls) {
            // Delivering to an MX by address, as other mail servers do: TLS when offered, unverified.
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "ssl.trust", "*");
        }
        return props;
    }

    static Properties imap(TlsMode tls, Duration timeout) {
        String p = tls == TlsMode.IMPLICIT ? "mail.imaps." : "mail.imap.";
        Properties props = timeouts(p, timeout);
        if (tls == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (tls != TlsMode.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** Connecting, reading and writing each bounded: no probe waits on a silent server for ever. */
    private static Properties timeouts(String prefix, Duration timeout) {
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty(prefix + "connectiontimeout", millis);
        props.setProperty(prefix + "timeout", millis);
        props.setProperty(prefix + "writetimeout", millis);
        return props;
    }
}
