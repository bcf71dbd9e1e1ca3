package io.cni4j.exec.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.ExecutorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module's boundaries, checked on its real descriptor, and the provider's metadata. */
class ModuleDescriptorTest {

    @Test
    @DisplayName("io.cni4j.exec.process reads only the API, exports nothing and provides the executor SPI")
    void descriptor() {
        Module module = ProcessExecutorProvider.class.getModule();
        assertThat(module.isNamed()).isTrue();
        ModuleDescriptor d = module.getDescriptor();
        assertThat(d.name()).isEqualTo("io.cni4j.exec.process");
        assertThat(d.requires()).map(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.cni4j.api");
        assertThat(d.exports()).isEmpty();
        assertThat(d.opens()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(ExecutorProvider.class.getName());
            assertThat(p.providers()).containsExactly(ProcessExecutorProvider.class.getName());
        });
    }

    @Test
    @DisplayName("META-INF/services names the same provider for class-path users")
    void servicesFile() throws IOException {
        try (InputStream in = ProcessExecutorProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + ExecutorProvider.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(ProcessExecutorProvider.class.getName());
        }
    }

    @Test
    @DisplayName("the provider: name process, priority 10, always available, one shared executor")
    void provider() {
        ProcessExecutorProvider provider = new ProcessExecutorProvider();
        assertThat(provider.name()).isEqualTo("process");
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.executor()).isSameAs(new ProcessExecutorProvider().executor());
        assertThat(provider.netnsManager(java.nio.file.Path.of("/tmp/x")).directory())
                .isEqualTo(java.nio.file.Path.of("/tmp/x"));
    }
}
