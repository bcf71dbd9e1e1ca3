package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.core.internal.invoke.InvocationArgs;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.core.internal.invoke.PluginVersionInfo;
import io.cni4j.testkit.RootTestGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debian's containernetworking-plugins in /usr/lib/cni, run through cni-core's invoker with each
 * real executor (process and jna). None of these calls changes the machine: VERSION, and an ADD
 * that the plugin refuses before doing anything.
 */
class RealPluginsTest {

    static final Path PLUGIN_DIR = Path.of("/usr/lib/cni");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Skips when the plugins are missing, except when {@code CNI4J_REQUIRE_ROOT_TESTS=1} (CI), where
     * missing plugins are a failure ({@link RootTestGate}).
     */
    @BeforeAll
    static void requirePlugins() {
        Path loopback = PLUGIN_DIR.resolve("loopback");
        RootTestGate.skipOrFail("real plugin VERSION test", Files.isRegularFile(loopback) ? Optional.empty()
                : Optional.of(loopback + " is missing: install the Debian package containernetworking-plugins"));
    }

    private static PluginInvoker invoker(String executor) {
        return new PluginInvoker(RealNetwork.provider(executor).executor(), List.of(PLUGIN_DIR),
                PluginInvoker.DEFAULT_MAX_OUTPUT_BYTES);
    }

    static Stream<Arguments> executorsAndPlugins() {
        return RealNetwork.EXECUTORS.stream().flatMap(executor ->
                Stream.of("loopback", "bridge", "host-local", "portmap").map(plugin -> Arguments.of(executor, plugin)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("executorsAndPlugins")
    @DisplayName("VERSION reports the spec versions the plugin supports")
    void version(String executor, String plugin) throws Exception {
        PluginVersionInfo info = invoker(executor).version(plugin, TIMEOUT);

        assertThat(info.cniVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(info.supportedVersions()).contains("0.3.1", "0.4.0", "1.0.0").doesNotHaveDuplicates();
    }

    @ForEachExecutor
    @DisplayName("a real plugin's error JSON becomes a PluginErrorException with its code and msg")
    void realPluginError(String executor) {
        byte[] conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"it\",\"type\":\"bridge\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> invoker(executor).exec("bridge", Verb.ADD, conf, InvocationArgs.NONE, TIMEOUT, "it"))
                .isInstanceOfSatisfying(PluginErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(4);
                    assertThat(e.error().msg()).startsWith("required env variables [")
                            .contains("CNI_CONTAINERID").contains("CNI_NETNS").contains("CNI_IFNAME")
                            .endsWith("] missing");
                    assertThat(e.pluginType()).isEqualTo("bridge");
                    assertThat(e.verb()).isEqualTo(Verb.ADD);
                    assertThat(e.network()).isEqualTo("it");
                });
    }

    @ForEachExecutor
    @DisplayName("a plugin that is not installed is NOT_FOUND, listing the directory")
    void notInstalled(String executor) {
        assertThatThrownBy(() -> invoker(executor).version("no-such-plugin", TIMEOUT))
                .isInstanceOf(PluginExecutionException.class)
                .hasMessageEndingWith("failed to find plugin \"no-such-plugin\" in path [/usr/lib/cni]");
    }
}
