package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RootTestGateTest {

    @Test
    @DisplayName("root with CAP_SYS_ADMIN has no problem")
    void root() {
        assertThat(RootTestGate.missingRoot(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0", "CapEff:\t000001ffffffffff"))).isEmpty();
    }

    @Test
    @DisplayName("a non-zero effective uid is named")
    void notRoot() {
        assertThat(RootTestGate.missingRoot(List.of("Uid:\t0\t1000\t1000\t1000", "CapEff:\t0000000000000000")))
                .contains("not running as root (effective uid 1000)");
    }

    @Test
    @DisplayName("root without CAP_SYS_ADMIN is named")
    void noCapSysAdmin() {
        assertThat(RootTestGate.missingRoot(List.of("Uid:\t0\t0\t0\t0", "CapEff:\t00000000a80425fb")))
                .hasValueSatisfying(r -> assertThat(r).contains("without CAP_SYS_ADMIN"));
    }

    @Test
    @DisplayName("an unreadable status is a problem")
    void unreadable() {
        assertThat(RootTestGate.missingRoot(null)).hasValueSatisfying(r -> assertThat(r).contains("/proc/self/status"));
    }

    @Test
    @DisplayName("no problem: the test runs")
    void noProblem() {
        assertThatCode(() -> RootTestGate.skipOrFail("x", Optional.empty(), true)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a problem skips the test with the reason")
    void skips() {
        assertThatThrownBy(() -> RootTestGate.skipOrFail("netns test", Optional.of("not running as root"), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("netns test skipped: not running as root")
                .hasMessageContaining("CNI4J_REQUIRE_ROOT_TESTS=1");
    }

    @Test
    @DisplayName("a problem fails the test when root tests are required")
    void failsWhenRequired() {
        assertThatThrownBy(() -> RootTestGate.skipOrFail("netns test", Optional.of("not running as root"), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("netns test cannot run: not running as root; failing instead of skipping because "
                        + "CNI4J_REQUIRE_ROOT_TESTS=1");
    }

    private static final String OWN = "net:[4026532281]";
    private static final String PARENT = "net:[4026531840]";
    private static final String ROOT_MOUNT = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw";
    private static final String PRIVATE_TMPFS = "40 22 0:52 / /run/netns rw,relatime - tmpfs cni4j-netns rw,mode=755";

    @Test
    @DisplayName("its own network namespace with the cni4j-netns tmpfs on /run/netns is private")
    void privateNamespace() {
        assertThat(RootTestGate.notPrivate(List.of(ROOT_MOUNT, PRIVATE_TMPFS), OWN, PARENT)).isEmpty();
    }

    @Test
    @DisplayName("sharing the parent's network namespace is named")
    void sharedNetworkNamespace() {
        assertThat(RootTestGate.notPrivate(List.of(ROOT_MOUNT, PRIVATE_TMPFS), PARENT, PARENT))
                .hasValueSatisfying(r -> assertThat(r).contains("shares the network namespace of its parent process")
                        .contains("build-support/netns-java"));
    }

    @Test
    @DisplayName("a /run/netns that is not the private tmpfs is named, whatever else mentions cni4j-netns")
    void sharedRunNetns() {
        String machineTmpfs = "30 22 0:25 / /run rw,nosuid shared:5 - tmpfs tmpfs rw,mode=755";
        String lookalike = "41 22 0:53 / /srv/cni4j-netns rw - tmpfs cni4j-netns rw";
        assertThat(RootTestGate.notPrivate(List.of(ROOT_MOUNT, machineTmpfs, lookalike), OWN, PARENT))
                .contains("/run/netns is not the private cni4j-netns tmpfs of build-support/netns-java/bin/java"
                        + " (it is not mounted)");
        String otherTmpfs = "42 30 0:54 / /run/netns rw shared:7 - tmpfs tmpfs rw";
        assertThat(RootTestGate.notPrivate(List.of(ROOT_MOUNT, PRIVATE_TMPFS, otherTmpfs), OWN, PARENT))
                .hasValueSatisfying(r -> assertThat(r).endsWith("(it is tmpfs tmpfs rw)"));
    }

    @Test
    @DisplayName("unreadable namespace links or mountinfo are a problem")
    void unreadableNamespace() {
        assertThat(RootTestGate.notPrivate(List.of(PRIVATE_TMPFS), OWN, null))
                .hasValueSatisfying(r -> assertThat(r).contains("cannot compare"));
        assertThat(RootTestGate.notPrivate(null, OWN, PARENT)).contains("cannot read /proc/self/mountinfo");
    }
}
