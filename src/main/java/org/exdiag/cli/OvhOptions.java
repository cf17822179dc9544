package org.exdiag.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.ovh.OvhAccountSource;
import org.exdiag.probe.ovh.OvhApi;
import org.exdiag.probe.ovh.OvhCredentials;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The OVH API options shared by diagnose and serve, and the account source they make. */
final class OvhOptions {
    @Option(names = "--ovh-region", paramLabel = "eu|ca|us", defaultValue = "eu", description = "OVH API region (default: eu).")
    String region;

    @Option(names = "--ovh-endpoint", paramLabel = "URL", description = "OVH API base URL, instead of the region's (tests, proxies).")
    String endpoint;

    @Option(names = "--ovh-config", paramLabel = "FILE",
            description = "OVH API keys (application_key, application_secret, consumer_key), readable by its owner only; "
                    + "default: the OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY variables.")
    Path config;

    @Option(names = "--provider-diagnosis", paramLabel = "reuse|run|skip", defaultValue = "reuse",
            description = "Read the provider's last diagnosis, start a new one (sends the password to the API), or neither "
                    + "(default: reuse).")
    String diagnosis;

    /** Whether API keys were given, in a file or in the environment. */
    boolean keysGiven() {
        return config != null || System.getenv("OVH_APPLICATION_KEY") != null;
    }

    OvhAccountSource accountSource(CommandLine cmd, Duration callTimeout, Duration diagnosisWait) throws ProbeException {
        OvhCredentials keys = config != null ? OvhCredentials.fromFile(config) : OvhCredentials.fromEnvironment(System.getenv());
        String base;
        OvhAccountSource.Diagnosis mode;
        try {
            base = endpoint != null ? endpoint : OvhApi.baseUrl(region);
            mode = OvhAccountSource.Diagnosis.valueOf(diagnosis.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "bad --ovh-region or --provider-diagnosis: " + e.getMessage());
        }
        return new OvhAccountSource(new OvhApi(base, keys, callTimeout, Clock.systemUTC()), mode, diagnosisWait, Clock.systemUTC());
    }
}
