package io.cni4j.tool.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    @DisplayName("nearest rank over 1..100: p50 is 50, p90 is 90, p99 is 99, max 100")
    void hundred() {
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();
        assertThat(Percentiles.of(samples)).isEqualTo(new Percentiles(100, 50, 90, 99, 100));
        assertThat(samples[0]).as("the input is not sorted in place").isEqualTo(100);
    }

    @Test
    @DisplayName("nearest rank over 30 samples: the 15th, 27th and 30th smallest")
    void thirty() {
        long[] samples = LongStream.rangeClosed(1, 30).map(i -> i * 10).toArray();
        assertThat(Percentiles.of(samples)).isEqualTo(new Percentiles(30, 150, 270, 300, 300));
    }

    @Test
    void oneSample() {
        assertThat(Percentiles.of(new long[] {7})).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    }

    @Test
    void noSamples() {
        assertThatThrownBy(() -> Percentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
