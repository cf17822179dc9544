package org.exdiag.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sweep's cap on queries per second, on a clock the test moves. */
class QueryRateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final QueryRate rate = new QueryRate(200, now::get);

    @Test
    void queriesAskedAtOnceAreSpacedOneOverTheRateApart() {
        assertThat(rate.reserve()).isZero();
        assertThat(rate.reserve()).isEqualTo(5_000_000L);
        assertThat(rate.reserve()).isEqualTo(10_000_000L);
        now.addAndGet(4_000_000L);
        assertThat(rate.reserve()).as("the next free moment, less the time gone by").isEqualTo(11_000_000L);
    }

    @Test
    void aQuietSpellGivesNoBurstAfterIt() {
        rate.reserve();
        now.addAndGet(10_000_000_000L);
        assertThat(rate.reserve()).isZero();
        assertThat(rate.reserve()).as("ten quiet seconds are not saved up for a burst").isEqualTo(5_000_000L);
    }

    @Test
    void aSecondHoldsTheRateAndNoMore() {
        int inFirstSecond = 0;
        for (int i = 0; i < 1000; i++) {
            if (rate.reserve() < 1_000_000_000L) {
                inFirstSecond++;
            }
        }
        assertThat(inFirstSecond).isEqualTo(200);
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThatThrownBy(() -> new QueryRate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
