package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CniDirsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CniDirsExtensionTest {

    private static Path previousRoot;
    private CniTestDirs fromBeforeEach;

    @BeforeEach
    void setUp(CniTestDirs dirs) {
        fromBeforeEach = dirs;
    }

    @Test
    @Order(1)
    @DisplayName("a test gets empty conf, cache and plugin directories, the same instance as its @BeforeEach")
    void resolvesFreshDirectories(CniTestDirs dirs) throws Exception {
        assertThat(dirs).isSameAs(fromBeforeEach);
        assertThat(dirs.confDir()).isEmptyDirectory().hasParent(dirs.root());
        assertThat(dirs.cacheDir()).isEmptyDirectory();
        assertThat(dirs.pluginDir()).isEmptyDirectory();
        Files.writeString(dirs.cacheDir().resolve("leftover"), "x");
        previousRoot = dirs.root();
    }

    @Test
    @Order(2)
    @DisplayName("the directories of the previous test are deleted and this test gets new ones")
    void previousDirectoriesAreDeleted(CniTestDirs dirs) {
        assertThat(previousRoot).as("the first test ran").isNotNull().doesNotExist();
        assertThat(dirs.root()).isNotEqualTo(previousRoot);
    }

    @Test
    @DisplayName("writeConf and writeConflist add the extension when missing and accept sub-directories")
    void writesConfigs(CniTestDirs dirs) throws Exception {
        assertThat(dirs.writeConf("10-a", "{}")).isEqualTo(dirs.confDir().resolve("10-a.conf")).hasContent("{}");
        assertThat(dirs.writeConflist("20-b", "[]")).isEqualTo(dirs.confDir().resolve("20-b.conflist"));
        assertThat(dirs.writeConf("30-c.json", "{}")).isEqualTo(dirs.confDir().resolve("30-c.json"));
        assertThat(dirs.writeConf("net/10-tuning", "{}")).isEqualTo(dirs.confDir().resolve("net/10-tuning.conf"));
        assertThat(dirs.confDir()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    @DisplayName("file names that leave the directory are refused")
    void refusesEscapes(CniTestDirs dirs) {
        assertThatThrownBy(() -> dirs.writeConf("../outside", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../outside");
    }

    @Test
    @DisplayName("script plugins are executable POSIX sh scripts that run")
    void scriptPluginRuns(CniTestDirs dirs) throws Exception {
        Path plugin = dirs.writeScriptPlugin("echo", "printf '%s' \"$CNI_COMMAND\"; cat");
        assertThat(Files.getPosixFilePermissions(plugin)).contains(PosixFilePermission.OWNER_EXECUTE);
        ProcessBuilder builder = new ProcessBuilder(plugin.toString());
        builder.environment().put("CNI_COMMAND", "ADD");
        Process process = builder.start();
        process.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ADD{}");
        assertThat(process.waitFor()).isZero();
    }

    @Test
    @DisplayName("placeholders for the fake executor's plugins go into the plugin directory")
    void placeholders(CniTestDirs dirs) throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("bridge", FakePlugins.bridge());
        assertThat(dirs.installPlaceholders(executor)).containsExactly(dirs.pluginDir().resolve("bridge"));
        assertThat(dirs.pluginDir().resolve("bridge")).isEmptyFile().isExecutable();
    }
}
