package org.exdiag.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderedParallelTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 1000})
    void resultsComeInInputOrderHoweverTheWorkIsCutAndHoweverLongEachItemTakes(int perTask) throws Exception {
        List<Integer> items = IntStream.range(0, 1001).boxed().toList(); // not a multiple of any task size
        List<String> out = new ArrayList<>();
        OrderedParallel.run(items.iterator(), 4, perTask, i -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000)); // finish out of order
            return "r" + i;
        }, out::add);
        assertThat(out).containsExactlyElementsOf(items.stream().map(i -> "r" + i).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16})
    void aFailingItemStopsTheRunWithItsOwnException(int perTask) {
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> OrderedParallel.run(IntStream.range(0, 100).boxed().iterator(), 2, perTask, i -> {
            if (i == 40) {
                throw new IllegalArgumentException("item 40");
            }
            return i;
        }, i -> out.add("r" + i))).isInstanceOf(IllegalArgumentException.class).hasMessage("item 40");
        assertThat(out).hasSizeLessThanOrEqualTo(40).allMatch(s -> Integer.parseInt(s.substring(1)) < 40);
    }
}
