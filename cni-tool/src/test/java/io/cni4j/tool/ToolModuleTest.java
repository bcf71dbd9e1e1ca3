package io.cni4j.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tool's module boundaries, checked on its real descriptor. */
class ToolModuleTest {

    @Test
    @DisplayName("io.cni4j.tool is explicit, exports only its entry package, opens nothing, leaves executor discovery to the engine")
    void descriptor() {
        Module module = Main.class.getModule();
        assertThat(module.isNamed()).isTrue();
        ModuleDescriptor d = module.getDescriptor();
        assertThat(d.name()).isEqualTo("io.cni4j.tool");
        assertThat(d.isAutomatic()).isFalse();
        assertThat(d.isOpen()).isFalse();
        assertThat(d.opens()).isEmpty();
        assertThat(d.exports()).map(ModuleDescriptor.Exports::source).containsExactly("io.cni4j.tool");
        assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .as("executors are found through ServiceLoader, never required")
                .containsExactlyInAnyOrder("java.base", "java.logging", "io.cni4j.api", "io.cni4j.core",
                        "com.fasterxml.jackson.databind");
        assertThat(d.uses()).as("the engine finds the executor providers").isEmpty();
    }
}
