package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast reading of instants gives what ISO_INSTANT gives, and leaves every other string to Jackson. */
class InstantReaderTest {
    @Property(tries = 5000)
    void theCommonFormParsesAsIsoInstantDoes(@ForAll("instants") String s) {
        Instant fast = InstantReader.parseCommonForm(s);
        Instant iso;
        try {
            iso = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(s));
        } catch (DateTimeException e) {
            iso = null;
        }
        if (fast != null) {
            assertThat(fast).as(s).isEqualTo(iso); // never a value ISO_INSTANT would refuse or read otherwise
        }
        if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z") && iso != null) {
            assertThat(fast).as(s).isEqualTo(iso); // and the common form does take the fast way
        }
    }

    @Test
    void otherFormsStillReadAndStillFailAsJacksonSays() throws Exception {
        FactsReader reader = new FactsReader();
        assertThat(read(reader, "2026-11-26t10:15:00z")).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
        assertThat(read(reader, "2026-11-26T10:15:00.25Z")).isEqualTo(Instant.parse("2026-11-26T10:15:00.250Z"));
        assertThatThrownBy(() -> read(reader, "2026-02-30T10:15:00Z")).isInstanceOf(FactsException.class)
                .hasMessageContaining("expected an instant").extracting(e -> ((FactsException) e).field()).isEqualTo("collectedAt");
    }

    private static Instant read(FactsReader reader, String instant) throws FactsException {
        String doc = "{\"version\":1,\"mailbox\":\"a@b.c\",\"collectedAt\":\"" + instant + "\"}";
        return reader.read(doc.getBytes(StandardCharsets.UTF_8), FactsFormat.JSON).collectedAt();
    }

    @Provide
    Arbitrary<String> instants() {
        Arbitrary<String> year = Arbitraries.of("2026", "0000", "9999", "1970", "2024", "2100", "202", "+2026", "20260");
        Arbitrary<String> month = Arbitraries.of("01", "02", "12", "13", "00", "1");
        Arbitrary<String> day = Arbitraries.of("01", "28", "29", "30", "31", "32", "00");
        Arbitrary<String> time = Arbitraries.of("00:00:00", "23:59:59", "23:59:60", "24:00:00", "10:15:00", "10:60:00", "1:15:00");
        Arbitrary<String> fraction = Arbitraries.of("", ".", ".5", ".25", ".123456789", ".1234567891", ".000000001", ".x");
        Arbitrary<String> end = Arbitraries.of("Z", "z", "", "+00:00", "+01:00", "ZZ", " ");
        Arbitrary<String> t = Arbitraries.of("T", "t", " ");
        return net.jqwik.api.Combinators.combine(year, month, day, t, time, fraction, end)
                .as((y, m, d, tt, hms, f, z) -> y + "-" + m + "-" + d + tt + hms + f + z);
    }
}
