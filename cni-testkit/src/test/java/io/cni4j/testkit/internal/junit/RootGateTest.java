package io.cni4j.testkit.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RootGateTest {

    @Test
    @DisplayName("root with CAP_SYS_ADMIN has no problem")
    void root() {
        assertThat(RootGate.missingRoot(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0", "CapEff:\t000001ffffffffff"))).isEmpty();
    }

    @Test
    @DisplayName("a non-zero effective uid is named")
    void notRoot() {
        assertThat(RootGate.missingRoot(List.of("Uid:\t0\t1000\t1000\t1000", "CapEff:\t0000000000000000")))
                .contains("not running as root (effective uid 1000)");
    }

    @Test
    @DisplayName("root without CAP_SYS_ADMIN is named")
    void noCapSysAdmin() {
        assertThat(RootGate.missingRoot(List.of("Uid:\t0\t0\t0\t0", "CapEff:\t00000000a80425fb")))
                .hasValueSatisfying(r -> assertThat(r).contains("without CAP_SYS_ADMIN"));
    }

    @Test
    @DisplayName("an unreadable status is a problem")
    void unreadable() {
        assertThat(RootGate.missingRoot(null)).hasValueSatisfying(r -> assertThat(r).contains("/proc/self/status"));
    }

    @Test
    @DisplayName("no problem: the test runs")
    void noProblem() {
        RootGate.check(Optional.empty(), true, "x");
    }

    @Test
    @DisplayName("a problem skips the test with the reason")
    void skips() {
        assertThatThrownBy(() -> RootGate.check(Optional.of("not running as root"), false, "netns test"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("netns test skipped: not running as root")
                .hasMessageContaining("CNI4J_REQUIRE_ROOT_TESTS=1");
    }

    @Test
    @DisplayName("a problem fails the test when root tests are required")
    void failsWhenRequired() {
        assertThatThrownBy(() -> RootGate.check(Optional.of("not running as root"), true, "netns test"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("netns test cannot run: not running as root; failing instead of skipping because "
                        + "CNI4J_REQUIRE_ROOT_TESTS=1");
    }
}
