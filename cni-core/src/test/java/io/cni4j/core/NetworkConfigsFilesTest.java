package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading configuration files: libcni's ConfFromFile, ConfListFromFile, ConfFiles, and cni4j's limits. */
class NetworkConfigsFilesTest {

    private static final List<String> CONF_EXTENSIONS = List.of(".conf", ".conflist", ".json");

    @TempDir
    Path dir;

    private static Path write(Path dir, String name, String json) throws IOException {
        return write(dir, name, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Nested
    @DisplayName("single plugin files")
    class ConfFile {

        @Test
        void keepsTheFileBytes() throws Exception {
            String json = "{\n  \"cniVersion\": \"0.3.1\",\n  \"name\": \"mynet\",\n  \"type\": \"bridge\"\n}\n";
            PluginConfig p = NetworkConfigs.readConfFile(write(dir, "10-mynet.conf", json));
            assertThat(p.type()).isEqualTo("bridge");
            assertThat(p.name()).isEqualTo("mynet");
            assertThat(p.source()).isEqualTo(json);
        }

        @Test
        void parseErrorsStartWithThePathAndNameTheField() throws Exception {
            Path file = write(dir, "bad.conf", "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":\"yes\"}}");
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": error parsing configuration: field 'capabilities.portMappings' must be bool, got string");
        }

        @Test
        void aMissingTypeIsNamed() throws Exception {
            Path file = write(dir, "bad.conf", "{\"name\":\"n\"}");
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": error parsing configuration: missing 'type'");
        }

        @Test
        void aMissingFileIsAReadFailureNamingIt() {
            Path file = dir.resolve("nope/not-here.conf");
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("error reading " + file + ": no such file or directory");
        }
    }

    @Nested
    @DisplayName("list files and <dir>/<name>/*.conf plugins (A7)")
    class ConfListFile {

        private static final String BRIDGE = "{\"type\":\"bridge\"}";

        @Test
        void keepsTheFileBytes() throws Exception {
            String json = "{ \"name\": \"net\", \"cniVersion\": \"1.0.0\",\n  \"plugins\": [ " + BRIDGE + " ] }\n";
            NetworkConfigList l = NetworkConfigs.readConfListFile(write(dir, "net.conflist", json));
            assertThat(l.source()).isEqualTo(json);
            assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge");
        }

        @Test
        void parseErrorsStartWithThePath() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"disableGC\":\"maybe\",\"plugins\":[" + BRIDGE + "]}");
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": error parsing configuration list: invalid value \"maybe\" for disableGC");
        }

        @Test
        @DisplayName("inline plugins come first, then the subdirectory's .conf files sorted by name")
        void appendsSubdirectoryPlugins() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"plugins\":[" + BRIDGE + "]}");
            String tuning = "{ \"type\": \"tuning\" }\n";
            write(dir, "net/20-tuning.conf", tuning);
            write(dir, "net/10-portmap.conf", "{\"type\":\"portmap\"}");
            write(dir, "net/30-ignored.json", "{\"type\":\"json-is-not-read\"}");
            write(dir, "net/nested/40-deeper.conf", "{\"type\":\"not-recursive\"}");
            NetworkConfigList l = NetworkConfigs.readConfListFile(file);
            assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge", "portmap", "tuning");
            assertThat(l.plugins().get(2).source()).as("plugin files keep their bytes").isEqualTo(tuning);
        }

        @Test
        void loadOnlyInlinedPluginsIgnoresTheSubdirectory() throws Exception {
            Path file = write(dir, "net.conflist",
                    "{\"name\":\"net\",\"loadOnlyInlinedPlugins\":true,\"plugins\":[{\"type\":\"host-local\"}]}");
            write(dir, "net/10-portmap.conf", "{\"type\":\"portmap\"}");
            NetworkConfigList l = NetworkConfigs.readConfListFile(file);
            assertThat(l.loadOnlyInlinedPlugins()).isTrue();
            assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("host-local");
        }

        @Test
        void loadOnlyInlinedPluginsWithoutPluginsIsRefused() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"loadOnlyInlinedPlugins\":\"true\"}");
            write(dir, "net/10-portmap.conf", "{\"type\":\"portmap\"}");
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": error parsing configuration list: `loadOnlyInlinedPlugins` is true, and no 'plugins' key");
        }

        @Test
        void withoutPluginsKeyTheSubdirectoryPluginsAreTheList() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"loadOnlyInlinedPlugins\":false}");
            write(dir, "net/10-portmap.conf", "{\"type\":\"portmap\"}");
            assertThat(NetworkConfigs.readConfListFile(file).plugins()).extracting(PluginConfig::type)
                    .containsExactly("portmap");
        }

        @Test
        void noPluginsAnywhereIsRefused() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\"}");
            Files.createDirectories(dir.resolve("net"));
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": no plugin configs found");
        }

        @Test
        void inlinePluginsWithAnEmptyOrMissingSubdirectoryAreEnough() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"plugins\":[" + BRIDGE + "]}");
            assertThat(NetworkConfigs.readConfListFile(file).plugins()).hasSize(1);
            Files.createDirectories(dir.resolve("net"));
            assertThat(NetworkConfigs.readConfListFile(file).plugins()).hasSize(1);
        }

        @Test
        void anInvalidSubdirectoryPluginIsNamed() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"plugins\":[" + BRIDGE + "]}");
            Path plugin = write(dir, "net/10-bad.conf", "{\"name\":\"no type\"}");
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(plugin + ": error parsing configuration: missing 'type'");
        }

        @Test
        void aFileWhereTheSubdirectoryShouldBeIsAReadFailure() throws Exception {
            Path file = write(dir, "net.conflist", "{\"name\":\"net\",\"plugins\":[" + BRIDGE + "]}");
            write(dir, "net", "not a directory");
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessageStartingWith("failed to read plugin config files in " + dir.resolve("net"));
        }

        @Test
        @DisplayName("an empty name never makes the conf dir itself the plugin subdirectory (libcni would)")
        void anEmptyNameLooksForNoSubdirectory() throws Exception {
            Path file = write(dir, "unnamed.conflist", "{\"name\":\"\"}");
            write(dir, "10-bridge.conf", BRIDGE);
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": no plugin configs found");
        }

        @Test
        void aNameWithAPathSeparatorLooksForNoSubdirectory() throws Exception {
            Path file = write(dir, "confs/x.conflist", "{\"name\":\"../other\"}");
            write(dir, "other/10-bridge.conf", BRIDGE);
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": no plugin configs found");
        }
    }

    @Nested
    @DisplayName("listing a conf dir (ConfFiles)")
    class ConfFiles {

        @Test
        void aMissingDirIsEmpty() throws Exception {
            assertThat(NetworkConfigs.confFiles(dir.resolve("missing"), CONF_EXTENSIONS)).isEmpty();
        }

        @Test
        @DisplayName("files are sorted by name, byte order")
        void sortedByName() throws Exception {
            for (String name : List.of("a.json", "9-a.conf", "B.conflist", "10-b.conf")) {
                write(dir, name, "{}");
            }
            assertThat(NetworkConfigs.confFiles(dir, CONF_EXTENSIONS)).containsExactly(
                    dir.resolve("10-b.conf"), dir.resolve("9-a.conf"), dir.resolve("B.conflist"), dir.resolve("a.json"));
        }

        @Test
        @DisplayName("the extension is everything from the last dot, compared exactly")
        void extensionsMatchExactly() throws Exception {
            for (String name : List.of("x.conf", ".conf", "x.conf.bak", "x.CONF", "xconf", "conf", "x.conflist~", "x.yaml")) {
                write(dir, name, "{}");
            }
            assertThat(NetworkConfigs.confFiles(dir, CONF_EXTENSIONS)).containsExactly(dir.resolve(".conf"), dir.resolve("x.conf"));
            assertThat(NetworkConfigs.confFiles(dir, List.of(".bak", ".yaml")))
                    .containsExactly(dir.resolve("x.conf.bak"), dir.resolve("x.yaml"));
        }

        @Test
        void directoriesAreSkippedAndNotSearched() throws Exception {
            Files.createDirectories(dir.resolve("dir.conf"));
            write(dir, "sub/inner.conf", "{}");
            write(dir, "top.conf", "{}");
            assertThat(NetworkConfigs.confFiles(dir, CONF_EXTENSIONS)).containsExactly(dir.resolve("top.conf"));
        }

        @Test
        void symlinksAreListed() throws Exception {
            Path target = write(dir, "real/target.json", "{}");
            Files.createSymbolicLink(dir.resolve("link.conf"), target);
            assertThat(NetworkConfigs.confFiles(dir, CONF_EXTENSIONS)).containsExactly(dir.resolve("link.conf"));
        }

        @Test
        void aFileIsNotADirectory() throws Exception {
            Path file = write(dir, "file", "{}");
            assertThatThrownBy(() -> NetworkConfigs.confFiles(file, CONF_EXTENSIONS))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("failed to read config dir " + file + ": not a directory");
        }
    }

    @Nested
    @DisplayName("limits on what is read")
    class Limits {

        private static final int MIB = 1 << 20;

        /** A valid plugin configuration padded with spaces to exactly {@code size} bytes. */
        private byte[] padded(int size) {
            byte[] json = "{\"type\":\"bridge\"}".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Arrays.copyOf(json, size);
            Arrays.fill(bytes, json.length, size, (byte) ' ');
            return bytes;
        }

        @Test
        void aFileOfExactly1MiBIsRead() throws Exception {
            assertThat(NetworkConfigs.readConfFile(write(dir, "big.conf", padded(MIB))).type()).isEqualTo("bridge");
        }

        @Test
        void aFileLargerThan1MiBIsRefused() throws Exception {
            Path file = write(dir, "big.conf", padded(MIB + 1));
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("error reading " + file + ": 1048577 bytes is more than the limit of 1048576 bytes (1 MiB)");
        }

        @Test
        void deepNestingIsRefused() throws Exception {
            String deep = "[".repeat(300) + "]".repeat(300);
            Path file = write(dir, "deep.conf", "{\"type\":\"bridge\",\"x\":" + deep + "}");
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith(file + ": error parsing configuration: ")
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void nestingUpToTheLimitIsRead() throws Exception {
            String deep = "[".repeat(200) + "]".repeat(200);
            Path file = write(dir, "deep.conf", "{\"type\":\"bridge\",\"x\":" + deep + "}");
            assertThat(NetworkConfigs.readConfFile(file).type()).isEqualTo("bridge");
        }

        @Test
        void latin1IsRefused() throws Exception {
            Path file = write(dir, "latin1.conf", "{\"type\":\"bridge\",\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith(file + ": error parsing configuration: ")
                    .hasMessageContaining("UTF-8");
        }

        @Test
        void utf16IsRefused() throws Exception {
            Path file = write(dir, "utf16.conflist",
                    "{\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"}]}".getBytes(StandardCharsets.UTF_16LE));
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage(file + ": error parsing configuration list: input is not UTF-8 (byte 0x00 at offset 1)");
        }

        @Test
        void duplicateKeysAreRefused() throws Exception {
            Path file = write(dir, "dup.conflist", "{\"name\":\"a\",\"name\":\"b\",\"plugins\":[{\"type\":\"bridge\"}]}");
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith(file + ": error parsing configuration list: ")
                    .hasMessageContaining("Duplicate field 'name'");
        }

        @Test
        @Timeout(value = 30, unit = TimeUnit.SECONDS)
        @DisplayName("a FIFO named x.conf fails at once instead of blocking on open")
        void aFifoIsNotRead() throws Exception {
            Path fifo = dir.resolve("x.conf");
            int exit;
            try {
                exit = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
            } catch (IOException e) {
                exit = -1;
            }
            assumeTrue(exit == 0, "mkfifo is not available");
            assertThat(NetworkConfigs.confFiles(dir, CONF_EXTENSIONS)).containsExactly(fifo);
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(fifo))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("error reading " + fifo + ": not a regular file (a FIFO, socket or device)");
        }

        @Test
        void aDirectoryNamedLikeAConfFileIsNotRead() throws Exception {
            Path directory = Files.createDirectories(dir.resolve("x.conf"));
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(directory))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("error reading " + directory + ": is a directory");
        }

        @Test
        void aSymlinkLoopIsAReadFailure() throws Exception {
            Path loop = Files.createSymbolicLink(dir.resolve("x.conflist"), dir.resolve("y.conflist"));
            Files.createSymbolicLink(dir.resolve("y.conflist"), loop);
            assertThatThrownBy(() -> NetworkConfigs.readConfListFile(loop))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessageStartingWith("error reading " + loop + ": ");
        }

        @Test
        void aDanglingSymlinkIsAReadFailure() throws Exception {
            Path link = Files.createSymbolicLink(dir.resolve("x.conf"), dir.resolve("gone.conf"));
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(link))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessage("error reading " + link + ": no such file or directory");
        }

        @Test
        void aSymlinkToAFileIsFollowed() throws Exception {
            Path target = write(dir, "data/real.conf", "{\"type\":\"bridge\"}");
            Path link = Files.createSymbolicLink(dir.resolve("x.conf"), target);
            assertThat(NetworkConfigs.readConfFile(link).type()).isEqualTo("bridge");
        }

        @Test
        @DisplayName("an unreadable file is a read failure (mode 000, or for root, who may read anything, "
                + "a link to /proc/self/mem, a regular file whose reading fails with EIO)")
        void anUnreadableFileIsAReadFailure() throws Exception {
            Path file = write(dir, "secret.conf", "{\"type\":\"bridge\"}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            if (Files.isReadable(file)) {
                Files.delete(file);
                Files.createSymbolicLink(file, Path.of("/proc/self/mem"));
            }
            assertThatThrownBy(() -> NetworkConfigs.readConfFile(file))
                    .isInstanceOf(ConfigReadException.class)
                    .hasMessageStartingWith("error reading " + file + ": ");
        }
    }
}
