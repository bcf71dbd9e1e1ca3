package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.ExecutorProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakeExecutorProviderTest {

    @Test
    @DisplayName("ServiceLoader finds the fake provider under the name fake with a priority below real providers")
    void discoverable() {
        ExecutorProvider fake = ServiceLoader.load(ExecutorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("fake")).findFirst().orElseThrow();
        assertThat(fake).isInstanceOf(FakeExecutorProvider.class);
        assertThat(fake.priority()).isEqualTo(-100);
        assertThat(fake.isAvailable()).isTrue();
        assertThat(fake.unavailabilityCause()).isEmpty();
    }

    @Test
    @DisplayName("a provider built around an executor hands out that executor and fake netns managers")
    void wrapsExecutor() {
        FakePluginExecutor executor = new FakePluginExecutor();
        FakeExecutorProvider provider = new FakeExecutorProvider(executor);
        assertThat(provider.executor()).isSameAs(executor);
        assertThat(provider.netnsManager(Path.of("/tmp/x"))).isInstanceOf(FakeNetnsManager.class)
                .satisfies(m -> assertThat(m.directory()).isEqualTo(Path.of("/tmp/x")));
    }
}
