package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module boundaries that DESIGN.md fixes, checked on the real descriptors. */
class ModuleGraphTest {

    private static ModuleDescriptor descriptor(Class<?> type) {
        Module module = type.getModule();
        assertThat(module.isNamed()).as("%s runs in a named module", type).isTrue();
        return module.getDescriptor();
    }

    private static Set<String> requiredNames(ModuleDescriptor d) {
        return d.requires().stream().map(Requires::name).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("cni-api reads java.base only and exports only its API and SPI packages")
    void apiReadsOnlyJavaBase() {
        ModuleDescriptor api = descriptor(Cni.class);
        assertThat(api.name()).isEqualTo("io.cni4j.api");
        assertThat(api.isAutomatic()).isFalse();
        assertThat(requiredNames(api)).containsExactly("java.base");
        assertThat(api.exports()).map(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.cni4j.api", "io.cni4j.api.spi");
    }

    @Test
    @DisplayName("cni-core is explicit, exports only its entry package and opens nothing")
    void coreExportsOnlyEntryPoint() {
        ModuleDescriptor core = descriptor(Cni4j.class);
        assertThat(core.name()).isEqualTo("io.cni4j.core");
        assertThat(core.isAutomatic()).isFalse();
        assertThat(core.isOpen()).isFalse();
        assertThat(core.opens()).isEmpty();
        assertThat(core.exports()).map(ModuleDescriptor.Exports::source).containsExactly("io.cni4j.core");
        assertThat(requiredNames(core))
                .containsExactlyInAnyOrder("java.base", "io.cni4j.api", "com.fasterxml.jackson.databind", "jdk.jfr");
        assertThat(core.uses()).contains("io.cni4j.api.spi.ExecutorProvider");
    }

    @Test
    @DisplayName("every module cni-core reads (but java.*) is an explicit module")
    void noAutomaticModules() {
        Module core = Cni4j.class.getModule();
        Set<Module> read = core.getLayer().modules().stream()
                .filter(core::canRead)
                .filter(m -> !m.getName().startsWith("java.") && !m.getName().startsWith("jdk."))
                .collect(Collectors.toSet());
        assertThat(read).extracting(Module::getName)
                .contains("io.cni4j.api", "com.fasterxml.jackson.databind");
        assertThat(read).allSatisfy(m -> assertThat(m.getDescriptor().isAutomatic())
                .as("%s is automatic", m.getName()).isFalse());
    }
}
