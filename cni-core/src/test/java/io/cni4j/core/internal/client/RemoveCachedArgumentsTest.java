package io.cni4j.core.internal.client;

import static io.cni4j.api.NamespaceOption.label;
import static io.cni4j.api.NamespaceOption.portMappings;
import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.RecordedInvocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remove of a loaded network falls back to the capability arguments and CNI_ARGS cached at ADD when
 * the call gives none (Debian's portmap only deletes its DNAT chain when its DEL carries the port
 * mappings; found by cni-it's real-plugin tests).
 */
class RemoveCachedArgumentsTest {

    private static final String NS = "/run/netns/c1";

    @TempDir
    Path dir;
    private FakePluginExecutor plugins;
    private Cni.Builder builder;

    @BeforeEach
    void setUp() throws Exception {
        plugins = new FakePluginExecutor()
                .register("bridge", FakePlugins.bridge("10.22.0.0/16"))
                .register("portmap", FakePlugins.passThrough());
        Path pluginDir = Files.createDirectories(dir.resolve("bin"));
        Path confDir = Files.createDirectories(dir.resolve("conf"));
        plugins.installPlaceholders(pluginDir);
        Files.writeString(confDir.resolve("10-net.conflist"), """
                {"cniVersion":"1.0.0","name":"net","plugins":[{"type":"bridge"},
                 {"type":"portmap","capabilities":{"portMappings":true}}]}""");
        builder = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(dir.resolve("cache"));
    }

    private RecordedInvocation portmapDel() {
        return plugins.recorder().invocations("portmap", Verb.DEL).get(0);
    }

    @Test
    @DisplayName("remove without options sends the cached port mappings and CNI_ARGS to a loaded network's DEL")
    void usesCachedArguments() throws Exception {
        try (Cni cni = builder.build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, portMappings(List.of(PortMapping.tcp(8080, 80))), label("IgnoreUnknown", "1"));

            cni.remove("c1", NS);
        }
        RecordedInvocation del = portmapDel();
        assertThat(del.runtimeConfig().path("portMappings").path(0).path("hostPort").asInt()).isEqualTo(8080);
        assertThat(del.env("CNI_ARGS")).contains("IgnoreUnknown=1");
    }

    @Test
    @DisplayName("remove with its own capabilities and args sends those, not the cached ones")
    void callArgumentsWin() throws Exception {
        try (Cni cni = builder.build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, portMappings(List.of(PortMapping.tcp(8080, 80))), label("IgnoreUnknown", "1"));

            cni.remove("c1", NS, portMappings(List.of(PortMapping.tcp(9090, 90))), label("K8S_POD_NAME", "p"));
        }
        RecordedInvocation del = portmapDel();
        assertThat(del.runtimeConfig().path("portMappings").path(0).path("hostPort").asInt()).isEqualTo(9090);
        assertThat(del.env("CNI_ARGS")).contains("K8S_POD_NAME=p");
    }
}
