package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.exec.jna.JnaExecutors;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    @DisplayName("the kill switch makes the module unavailable with a cause that names the property")
    void killSwitch() {
        Availability availability = Availability.probe("true", "Linux");
        assertThat(availability.isAvailable()).isFalse();
        assertThat(availability.unavailabilityCause()).get().isInstanceOf(UnsupportedOperationException.class)
                .extracting(Throwable::getMessage).asString().contains("io.cni4j.exec.jna.disable=true");
        assertThat(Availability.probe("TRUE", "Linux").isAvailable()).as("case-insensitive, as Boolean.parseBoolean")
                .isFalse();
        assertThat(Availability.probe("false", "Linux").isAvailable()).isTrue();
    }

    @Test
    @DisplayName("another operating system is unavailable, and the cause names it")
    void notLinux() {
        Availability availability = Availability.probe(null, "Mac OS X");
        assertThat(availability.isAvailable()).isFalse();
        assertThat(availability.cause()).hasMessageContaining("Linux").hasMessageContaining("Mac OS X");
        assertThat(availability.features()).isEqualTo(Features.NONE);
    }

    @Test
    @DisplayName("on this Linux machine the module is available, and the features follow the C library's symbols")
    void availableHere() {
        Availability availability = Availability.probe(null, System.getProperty("os.name"));
        assertThat(availability.unavailabilityCause()).isEmpty();
        assertThat(availability.features().closeFrom())
                .isEqualTo(OptionalLibC.hasSymbol("posix_spawn_file_actions_addclosefrom_np"));
        assertThat(OptionalLibC.hasSymbol("posix_spawn")).isTrue();
        assertThat(OptionalLibC.hasSymbol("no_such_symbol_in_libc")).isFalse();
        assertThat(JnaExecutors.isAvailable()).isTrue();
        assertThat(JnaExecutors.unavailabilityCause()).isEmpty();
        JnaExecutors.ensureAvailability();
    }

    @Test
    @DisplayName("ensureAvailable throws UnsatisfiedLinkError with the cause attached, Netty style")
    void ensureAvailable() {
        IllegalStateException cause = new IllegalStateException("no libc today");
        assertThatThrownBy(() -> Availability.unavailable(cause).ensureAvailable())
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("no libc today")
                .hasCause(cause);
    }

    @Test
    @DisplayName("an unavailable provider says so without throwing, and refuses to hand out an executor or manager")
    void unavailableProvider() {
        JnaExecutorProvider provider = new JnaExecutorProvider(Availability.probe("true", "Linux"));
        assertThat(provider.name()).isEqualTo("jna");
        assertThat(provider.priority()).isEqualTo(20);
        assertThat(provider.isAvailable()).isFalse();
        assertThat(provider.unavailabilityCause()).isPresent();
        assertThat(provider.toString()).contains("unavailable");
        assertThatThrownBy(provider::executor).isInstanceOf(UnsatisfiedLinkError.class);
        assertThatThrownBy(() -> provider.netnsManager(Path.of("/run/netns"))).isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    @DisplayName("an available provider hands out one shared executor and a manager for the given directory")
    void availableProvider() {
        JnaExecutorProvider provider = new JnaExecutorProvider();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.executor()).isSameAs(provider.executor()).isInstanceOf(PosixSpawnExecutor.class);
        assertThat(provider.netnsManager(Path.of("/tmp/x")).directory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(JnaExecutors.PROVIDER_NAME).isEqualTo(provider.name());
        assertThat(JnaExecutors.PROVIDER_PRIORITY).isEqualTo(provider.priority());
    }
}
