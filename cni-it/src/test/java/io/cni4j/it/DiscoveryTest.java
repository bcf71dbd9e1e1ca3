package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.core.internal.exec.ExecutorDiscovery.Candidate;
import io.cni4j.core.internal.invoke.InvocationArgs;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.it.providers.HighPriorityProvider;
import io.cni4j.it.providers.MisbehavingProvider;
import io.cni4j.it.providers.ThrowingProvider;
import io.cni4j.it.providers.UnavailableProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through the real ServiceLoader: the process and jna executors plus this module's test
 * providers (declared with {@code provides} in its module-info).
 */
class DiscoveryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(ExecutorDiscovery.PROPERTY);
    }

    private static List<String> names() {
        return ExecutorDiscovery.discover().stream().map(Candidate::name).toList();
    }

    @Test
    @DisplayName("the process executor and the loadable test providers are found; broken ones are skipped")
    void discovers() {
        assertThat(names())
                .contains("process", "jna", HighPriorityProvider.NAME, UnavailableProvider.NAME)
                .doesNotContain(ThrowingProvider.NAME, MisbehavingProvider.NAME)
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("the process provider is loaded from the named module io.cni4j.exec.process")
    void processProviderIsModular() {
        ExecutorProvider process = ExecutorDiscovery.select("process");
        assertThat(process.name()).isEqualTo("process");
        assertThat(process.priority()).isEqualTo(10);
        assertThat(process.isAvailable()).isTrue();
        assertThat(process.getClass().getModule().getName()).isEqualTo("io.cni4j.exec.process");
    }

    @Test
    @DisplayName("the jna provider is loaded from the named module io.cni4j.exec.jna, above the process one")
    void jnaProviderIsModular() {
        ExecutorProvider jna = ExecutorDiscovery.select("jna");
        assertThat(jna.name()).isEqualTo("jna");
        assertThat(jna.priority()).isEqualTo(20).isGreaterThan(ExecutorDiscovery.select("process").priority());
        assertThat(jna.isAvailable()).as("cause: %s", jna.unavailabilityCause()).isTrue();
        assertThat(jna.getClass().getModule().getName()).isEqualTo("io.cni4j.exec.jna");
    }

    @Test
    @DisplayName("priority: the available provider with the highest priority, passing over unavailable and broken ones")
    void priority() {
        assertThat(ExecutorDiscovery.select(null).name()).isEqualTo(HighPriorityProvider.NAME);
    }

    @Test
    @DisplayName("an explicit name selects that provider over priority")
    void explicitName() {
        assertThat(ExecutorDiscovery.select("process").name()).isEqualTo("process");
    }

    @Test
    @DisplayName("the system property selects when no name is given; an explicit name still wins")
    void systemProperty() {
        System.setProperty(ExecutorDiscovery.PROPERTY, "process");
        assertThat(ExecutorDiscovery.select(null).name()).isEqualTo("process");
        assertThat(ExecutorDiscovery.select(HighPriorityProvider.NAME).name()).isEqualTo(HighPriorityProvider.NAME);
    }

    @Test
    @DisplayName("naming an unavailable provider fails with its cause and the providers found")
    void unavailable() {
        assertThatThrownBy(() -> ExecutorDiscovery.select(UnavailableProvider.NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"" + UnavailableProvider.NAME + "\"")
                .hasMessageContaining("is not available")
                .hasMessageContaining(UnavailableProvider.CAUSE)
                .hasMessageContaining("process (priority 10)")
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
        System.setProperty(ExecutorDiscovery.PROPERTY, UnavailableProvider.NAME);
        assertThatThrownBy(() -> ExecutorDiscovery.select(null))
                .hasMessageContaining("named by the system property io.cni4j.executor");
    }

    @Test
    @DisplayName("naming a provider that does not exist fails and lists those found")
    void missing() {
        assertThatThrownBy(() -> ExecutorDiscovery.select("no-such-executor"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executor provider \"no-such-executor\" (named on the client builder) was not found")
                .hasMessageContaining("process (priority 10)")
                .hasMessageContaining(HighPriorityProvider.NAME + " (priority 1000)");
    }

    @Test
    @DisplayName("a provider whose constructor throws cannot be selected by name either")
    void throwingByName() {
        assertThatThrownBy(() -> ExecutorDiscovery.select(ThrowingProvider.NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not found");
    }

    @Test
    @DisplayName("the selected provider's executor is the one the invoker runs")
    void selectedExecutorRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("anything"), "");
        PluginInvoker invoker = new PluginInvoker(ExecutorDiscovery.select(null).executor(), List.of(dir),
                PluginInvoker.DEFAULT_MAX_OUTPUT_BYTES);

        byte[] out = invoker.exec("anything", Verb.STATUS, new byte[0], InvocationArgs.NONE, Duration.ofSeconds(5), null);

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(HighPriorityProvider.NAME);
    }
}
