package org.exdiag.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.facts.AccountFlags;

/** Account flags from a YAML or JSON file shaped like the {@code account} section of a facts file. */
public final class AccountFlagsFile implements AccountSource {
    private static final ObjectMapper MAPPER = YAMLMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Path file;

    public AccountFlagsFile(Path file) {
        this.file = file;
    }

    @Override
    public View fetch(String mailbox, Secret password) throws ProbeException {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new ProbeException(file + ": larger than 64 KiB");
            }
            return View.of(MAPPER.readValue(Files.readAllBytes(file), AccountFlags.class));
        } catch (IOException e) {
            throw new ProbeException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }
}
