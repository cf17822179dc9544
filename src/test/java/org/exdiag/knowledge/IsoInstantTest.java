package org.exdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Evidence writes instants by hand for speed; what it writes must be what {@link Instant#toString()} writes. */
class IsoInstantTest {
    @Property(tries = 5000)
    void writesWhatTheJdkWrites(@ForAll("instants") Instant instant) {
        assertThat(Wording.iso(instant)).isEqualTo(instant.toString());
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Whole seconds across and beyond years 0-9999 (the hand-written range and both sides of it),
        // some with fractions, which the JDK writes.
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_200_000_000L, 253_500_000_000L)
                .edgeCases(c -> c.add(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L, 0L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
