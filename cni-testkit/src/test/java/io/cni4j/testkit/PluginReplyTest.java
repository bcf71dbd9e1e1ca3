package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PluginReplyTest {

    @Test
    @DisplayName("killed: exit -1 with the signal and no output; equality and text include the signal")
    void killed() {
        PluginReply killed = PluginReply.killed(9);
        assertThat(killed.exitCode()).isEqualTo(-1);
        assertThat(killed.signal()).isEqualTo(9);
        assertThat(killed.stdout()).isEmpty();
        assertThat(killed.stderr()).isEmpty();
        assertThat(killed).isEqualTo(PluginReply.killed(9)).isNotEqualTo(PluginReply.killed(15))
                .hasSameHashCodeAs(PluginReply.killed(9));
        assertThat(killed.toString()).contains("signal 9");
    }

    @Test
    @DisplayName("the three-argument constructor and the factories mean no signal")
    void noSignal() {
        assertThat(new PluginReply(2, new byte[0], new byte[0]).signal()).isZero();
        assertThat(PluginReply.raw(1, "", "").signal()).isZero();
        assertThat(PluginReply.ok().signal()).isZero();
        assertThat(PluginReply.raw(1, "", "").toString()).contains("exit 1");
    }

    @Test
    @DisplayName("a signal needs exit -1, a normal exit needs 0-255, signals are positive")
    void validation() {
        assertThatThrownBy(() -> PluginReply.killed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PluginReply(137, 9, new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new PluginReply(-1, 0, new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-255");
        assertThatThrownBy(() -> new PluginReply(-1, -9, new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PluginReply.raw(256, "", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
