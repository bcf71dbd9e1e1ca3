package io.cni4j.testkit.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.testkit.FakeExecutorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderSelectionTest {

    private record Stub(String name, int priority, boolean isAvailable) implements ExecutorProvider {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return isAvailable ? Optional.empty() : Optional.of(new IllegalStateException("no libc"));
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

    private final ExecutorProvider fake = new FakeExecutorProvider();
    private final ExecutorProvider process = new Stub("process", 10, true);
    private final ExecutorProvider jna = new Stub("jna", 20, false);

    @Test
    @DisplayName("the available real provider with the highest priority wins")
    void highestAvailable() {
        assertThat(ProviderSelection.select(List.of(fake, process, jna), null).provider()).isSameAs(process);
        assertThat(ProviderSelection.select(List.of(fake, process, new Stub("jna", 20, true)), "").provider().name())
                .isEqualTo("jna");
    }

    @Test
    @DisplayName("the fake provider is never selected")
    void neverFake() {
        assertThat(ProviderSelection.select(List.of(fake), null).problem()).contains("no real executor provider");
        assertThat(ProviderSelection.select(List.of(fake, process), "fake").problem()).contains("fake provider");
    }

    @Test
    @DisplayName("a name selects that provider, or says why it cannot")
    void byName() {
        assertThat(ProviderSelection.select(List.of(process, jna), "process").provider()).isSameAs(process);
        assertThat(ProviderSelection.select(List.of(process, jna), "jna").problem())
                .isEqualTo("executor provider \"jna\" is not available: java.lang.IllegalStateException: no libc");
        assertThat(ProviderSelection.select(List.of(process), "nope").problem())
                .isEqualTo("no executor provider named \"nope\" (io.cni4j.executor); found [process]");
    }

    @Test
    @DisplayName("none available names every provider's cause")
    void noneAvailable() {
        assertThat(ProviderSelection.select(List.of(jna), null).problem())
                .isEqualTo("no executor provider is available: jna: java.lang.IllegalStateException: no libc");
    }
}
