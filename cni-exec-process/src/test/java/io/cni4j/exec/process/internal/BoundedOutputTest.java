package io.cni4j.exec.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    @Test
    @DisplayName("100 MiB offered in chunks: the buffer stops at the limit and never grows past it")
    void neverGrowsPastLimit() {
        BoundedOutput out = new BoundedOutput(1024 * 1024);
        byte[] chunk = new byte[8192];
        long accepted = 0;
        boolean refused = false;
        for (int i = 0; i < 100 * 128 && !refused; i++) {
            if (out.append(chunk, 0, chunk.length)) {
                accepted += chunk.length;
            } else {
                refused = true;
            }
            assertThat(out.capacity()).isLessThanOrEqualTo(1024 * 1024);
        }
        assertThat(refused).isTrue();
        assertThat(accepted).isEqualTo(1024 * 1024);
        assertThat(out.toByteArray()).hasSize(1024 * 1024);
    }

    @Test
    @DisplayName("a chunk that would cross the limit is refused whole; exactly the limit is fine")
    void limitIsInclusive() {
        BoundedOutput out = new BoundedOutput(10);
        assertThat(out.append(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6)).isTrue();
        assertThat(out.append(new byte[] {7, 8, 9, 10, 11}, 0, 5)).isFalse();
        assertThat(out.append(new byte[] {7, 8, 9, 10, 11}, 1, 4)).isTrue();
        assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11);
        assertThat(out.append(new byte[] {0}, 0, 1)).isFalse();
    }

    @Test
    @DisplayName("limits beyond what an array can hold are clamped; non-positive ones refused")
    void limits() {
        assertThat(new BoundedOutput(Long.MAX_VALUE).limit()).isEqualTo(BoundedOutput.MAX_ARRAY);
        assertThatThrownBy(() -> new BoundedOutput(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
