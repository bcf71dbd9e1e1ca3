package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.exec.jna.JnaExecutors;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    @DisplayName("the module exports only io.cni4j.exec.jna, opens nothing, and provides the executor provider")
    void descriptor() {
        ModuleDescriptor descriptor = JnaExecutors.class.getModule().getDescriptor();
        assertThat(descriptor).as("running as a named module").isNotNull();
        assertThat(descriptor.name()).isEqualTo("io.cni4j.exec.jna");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.cni4j.exec.jna");
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("io.cni4j.api", "com.sun.jna");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.cni4j.api.spi.ExecutorProvider");
            assertThat(p.providers()).containsExactly(JnaExecutorProvider.class.getName());
        });
    }

    @Test
    @DisplayName("JNA is the automatic module com.sun.jna")
    void jnaIsAutomatic() {
        Module jna = com.sun.jna.Native.class.getModule();
        assertThat(jna.getName()).isEqualTo("com.sun.jna");
        assertThat(jna.getDescriptor().isAutomatic()).isTrue();
    }
}
