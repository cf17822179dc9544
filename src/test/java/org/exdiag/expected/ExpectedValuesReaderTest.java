package org.exdiag.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expected-values.yaml read once, as records and as the tree templates look values up in; a file that does
 * not convert is refused with the field and its line, as a direct read would say it.
 */
class ExpectedValuesReaderTest {
    @TempDir
    Path dir;

    private static final Path BUNDLED = Path.of("rules/expected-values.yaml");

    @Test
    void theBundledFileGivesItsValuesAndItsTree() throws Exception {
        ExpectedValues values = ExpectedValuesReader.read(BUNDLED, "rules/expected-values.yaml");
        assertThat(values.srvPort()).isEqualTo(443);
        assertThat(values.lookup("autodiscoverSrv.port")).hasToString("443");
    }

    @Test
    void aWrongTypeIsRefusedWithTheFieldAndItsLine() throws Exception {
        Path file = dir.resolve("expected-values.yaml");
        Files.writeString(file, Files.readString(BUNDLED).replace("  port: 443", "  port: many"));
        assertThatThrownBy(() -> ExpectedValuesReader.read(file, "r/expected-values.yaml")).isInstanceOf(LoadException.class)
                .satisfies(e -> assertThat(((LoadException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).startsWith("autodiscoverSrv.port: wrong type");
                    assertThat(p.line()).isEqualTo(23);
                }));
    }

    @Test
    void anUnknownFieldIsRefusedByName() throws Exception {
        Path file = dir.resolve("expected-values.yaml");
        Files.writeString(file, Files.readString(BUNDLED).replace("  port: 443", "  port: 443\n  prot: 80"));
        assertThatThrownBy(() -> ExpectedValuesReader.read(file, "r/expected-values.yaml")).isInstanceOf(LoadException.class)
                .satisfies(e -> assertThat(((LoadException) e).problems()).extracting(Problem::message)
                        .singleElement().asString().contains("unknown field \"prot\""));
    }
}
