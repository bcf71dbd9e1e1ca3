package io.cni4j.core.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.internal.exec.ExecutorDiscovery.Candidate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The selection rules with providers built in the test. Discovery through a real ServiceLoader with
 * providers declared by {@code provides} is tested in cni-it.
 */
class ExecutorDiscoveryTest {

    /** A provider that only describes itself. */
    private record Fake(String name, int priority, Throwable cause) implements ExecutorProvider {
        @Override
        public boolean isAvailable() {
            return cause == null;
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.ofNullable(cause);
        }

        @Override
        public PluginExecutor executor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NetnsManager netnsManager(Path directory) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Fake PROCESS = new Fake("process", 10, null);
    private static final Fake JNA = new Fake("jna", 20, null);
    private static final Fake BROKEN_JNA = new Fake("jna", 20, new UnsatisfiedLinkError("no libc"));

    private static List<Candidate> candidates(Fake... fakes) {
        return java.util.Arrays.stream(fakes).map(Candidate::of).toList();
    }

    @Test
    @DisplayName("without a name the available provider with the highest priority wins")
    void byPriority() {
        assertThat(ExecutorDiscovery.select(null, null, candidates(PROCESS, JNA))).isSameAs(JNA);
        assertThat(ExecutorDiscovery.select(" ", "", candidates(JNA, PROCESS))).isSameAs(JNA);
    }

    @Test
    @DisplayName("an unavailable provider is passed over, whatever its priority")
    void unavailableSkipped() {
        assertThat(ExecutorDiscovery.select(null, null, candidates(BROKEN_JNA, PROCESS))).isSameAs(PROCESS);
    }

    @Test
    @DisplayName("equal priorities: the alphabetically first name, every time")
    void tie() {
        Fake a = new Fake("alpha", 5, null);
        Fake b = new Fake("beta", 5, null);
        assertThat(ExecutorDiscovery.select(null, null, candidates(b, a))).isSameAs(a);
        assertThat(ExecutorDiscovery.select(null, null, candidates(a, b))).isSameAs(a);
    }

    @Test
    @DisplayName("a negative priority (the testkit's fake) is chosen only by name")
    void negativePriority() {
        Fake fake = new Fake("fake", -100, null);
        assertThatThrownBy(() -> ExecutorDiscovery.select(null, null, candidates(fake)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ExecutorDiscovery.select(null, null, candidates(fake, PROCESS))).isSameAs(PROCESS);
        assertThat(ExecutorDiscovery.select("fake", null, candidates(fake, PROCESS))).isSameAs(fake);
        assertThat(ExecutorDiscovery.select(null, "fake", candidates(fake, PROCESS))).isSameAs(fake);
    }

    @Test
    @DisplayName("an explicit name beats priority; the system property is used only without one")
    void byName() {
        List<Candidate> both = candidates(PROCESS, JNA);
        assertThat(ExecutorDiscovery.select("process", null, both)).isSameAs(PROCESS);
        assertThat(ExecutorDiscovery.select(null, "process", both)).isSameAs(PROCESS);
        assertThat(ExecutorDiscovery.select("jna", "process", both)).isSameAs(JNA);
    }

    @Test
    @DisplayName("a missing name is an error naming the name, where it came from and what was found")
    void missingName() {
        assertThatThrownBy(() -> ExecutorDiscovery.select("jna", null, candidates(PROCESS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("executor provider \"jna\" (named on the client builder) was not found; "
                        + "providers found: [process (priority 10)]");
        assertThatThrownBy(() -> ExecutorDiscovery.select(null, "jna", candidates(PROCESS)))
                .hasMessageContaining("named by the system property io.cni4j.executor");
    }

    @Test
    @DisplayName("a named but unavailable provider is an error with its cause")
    void unavailableName() {
        assertThatThrownBy(() -> ExecutorDiscovery.select("jna", null, candidates(PROCESS, BROKEN_JNA)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("executor provider \"jna\" (named on the client builder) is not available: "
                        + "java.lang.UnsatisfiedLinkError: no libc; providers found: "
                        + "[process (priority 10), jna (unavailable: java.lang.UnsatisfiedLinkError: no libc)]")
                .hasCause(BROKEN_JNA.cause());
    }

    @Test
    @DisplayName("no provider at all: the error says which module to add")
    void none() {
        assertThatThrownBy(() -> ExecutorDiscovery.select(null, null, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no executor provider is available: add io.cni4j:cni-exec-process "
                        + "(module io.cni4j.exec.process) to the module path or class path");
        assertThatThrownBy(() -> ExecutorDiscovery.select("process", null, List.of()))
                .hasMessageContaining("io.cni4j:cni-exec-process");
    }

    @Test
    @DisplayName("only unavailable providers: the error lists them and keeps the first cause")
    void noneAvailable() {
        assertThatThrownBy(() -> ExecutorDiscovery.select(null, null, candidates(BROKEN_JNA)))
                .hasMessageContaining("add io.cni4j:cni-exec-process")
                .hasMessageContaining("jna (unavailable: java.lang.UnsatisfiedLinkError: no libc)")
                .hasCause(BROKEN_JNA.cause());
    }

    @Test
    @DisplayName("cni-core with only the testkit's fake: the fake is never chosen unnamed; selection says what to add")
    void coreAlone() {
        assertThat(ExecutorDiscovery.discover()).extracting(ExecutorDiscovery.Candidate::name).containsExactly("fake");
        assertThatThrownBy(() -> ExecutorDiscovery.select(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.cni4j.exec.process");
    }
}
