package io.cni4j.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.RecordedInvocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where plugins come from and what reaches them: absolute plugin directories only, no path in a plugin
 * type, the parent environment (all of it, as libcni, or an allow-list), private cache files.
 */
class SecurityTest {

    private static final Set<String> CNI_VARIABLES =
            Set.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_ARGS", "CNI_IFNAME", "CNI_PATH");

    @TempDir
    Path dir;

    FakePluginExecutor plugins;
    Path pluginDir;
    Path confDir;
    Path cacheDir;

    @BeforeEach
    void setUp() throws Exception {
        plugins = new FakePluginExecutor().register("bridge", FakePlugins.bridge("10.22.0.0/16"));
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = dir.resolve("cache");
        plugins.installPlaceholders(pluginDir);
    }

    private Cni.Builder builder() {
        return Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(cacheDir);
    }

    private void network(String type) throws Exception {
        Files.writeString(confDir.resolve("10-net.conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"" + type + "\"}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bin", "./bin", "../bin", ""})
    @DisplayName("a relative plugin directory is refused by the builder")
    void relativePluginDirs(String relative) {
        assertThatThrownBy(() -> Cni4j.newBuilder().pluginDirs(List.of(pluginDir, Path.of(relative))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin directory must be absolute: " + relative);
        assertThatThrownBy(() -> Cni4j.newBuilder().pluginDirs(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../bin/bridge", "/bin/sh", "bin/bridge", "..", ".", "bridge/"})
    @DisplayName("a plugin type that is a path or names a directory runs nothing: not found")
    void pluginTypeThatIsAPath(String type) throws Exception {
        Files.createDirectories(dir.resolve("bin/bin"));
        Files.copy(pluginDir.resolve("bridge"), dir.resolve("bin/bin/bridge"));
        network(type);
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", "/run/netns/c1"))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.NOT_FOUND))
                    .hasMessageContaining("plugin type=\"" + type + "\"");
        }
        assertThat(plugins.recorder().invocations()).isEmpty();
    }

    private RecordedInvocation setupWith(Cni.Builder builder) throws Exception {
        network("bridge");
        try (Cni cni = builder.build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", "/run/netns/c1");
            cni.remove("c1", "/run/netns/c1");
        }
        return plugins.recorder().invocations("bridge", Verb.ADD).get(0);
    }

    @Test
    @DisplayName("by default plugins inherit the whole environment, as with libcni, plus the six CNI_* variables")
    void inheritsEverythingByDefault() throws Exception {
        RecordedInvocation add = setupWith(builder());
        Set<String> expected = new HashSet<>(System.getenv().keySet());
        expected.addAll(CNI_VARIABLES);
        assertThat(add.env().keySet()).isEqualTo(expected);
        assertThat(add.env()).containsEntry("CNI_COMMAND", "ADD");
    }

    @Test
    @DisplayName("inheritEnvironment passes only the listed variables that are set, plus the six CNI_* variables")
    void allowList() throws Exception {
        assertThat(System.getenv()).containsKey("PATH");
        RecordedInvocation add = setupWith(builder()
                .inheritEnvironment(Set.of("PATH", "CNI4J_NO_SUCH_VARIABLE", "CNI_COMMAND", "CNI_ARGS")));
        Set<String> expected = new HashSet<>(CNI_VARIABLES);
        expected.add("PATH");
        assertThat(add.env().keySet()).isEqualTo(expected);
        assertThat(add.env()).containsEntry("PATH", System.getenv("PATH")).containsEntry("CNI_COMMAND", "ADD")
                .containsEntry("CNI_ARGS", "");
        assertThat(add.environment()).filteredOn(e -> e.startsWith("CNI_COMMAND=")).hasSize(1);
        assertThat(plugins.recorder().invocations("bridge", Verb.DEL).get(0).env().keySet()).isEqualTo(expected);
    }

    @Test
    @DisplayName("an empty allow-list passes nothing but the CNI_* variables; null restores the default")
    void emptyAllowListAndBackToAll() throws Exception {
        RecordedInvocation add = setupWith(builder().inheritEnvironment(Set.of()));
        assertThat(add.env().keySet()).isEqualTo(CNI_VARIABLES);
        plugins.recorder().clear();
        RecordedInvocation again = setupWith(builder().inheritEnvironment(Set.of()).inheritEnvironment(null));
        assertThat(again.env().keySet()).containsAll(System.getenv().keySet());
    }

    @Test
    @DisplayName("the allow-list also applies to VERSION")
    void allowListForVersion() throws Exception {
        try (Cni cni = builder().inheritEnvironment(Set.of()).build()) {
            cni.versionInfo("bridge");
        }
        assertThat(plugins.recorder().invocations("bridge", Verb.VERSION).get(0).env().keySet()).isEqualTo(CNI_VARIABLES);
    }

    @Test
    @DisplayName("the cache directory and its results directory are created 0700, cache files are 0600")
    void privateCacheFiles() throws Exception {
        network("bridge");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", "/run/netns/c1");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir.resolve("results"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    cacheDir.resolve("results/net-c1-eth0")))).isEqualTo("rw-------");
        }
    }
}
