package org.exdiag.probe;

import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail session properties for the probes: explicit timeouts everywhere, TLS as asked. */
final class MailProps {
    private MailProps() {
    }

    static Properties smtp(TlsMode tls, Duration timeout, boolean auth, boolean opportunisticTls, String heloName) {
        String p = tls == TlsMode.IMPLICIT ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
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
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        if (tls == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (tls != TlsMode.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }
}
