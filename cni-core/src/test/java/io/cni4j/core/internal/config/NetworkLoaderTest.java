package io.cni4j.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.CniException;
import io.cni4j.api.ConfigReadException;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** go-cni's load options, loadFromConfDir and interface naming (reference §1.6 to §1.9). */
class NetworkLoaderTest {

    @TempDir
    Path confDir;

    private static LoadOption lo() {
        return LoadOption.loopback();
    }

    /** A one-plugin list named {@code name}. */
    private static String conflist(String name) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"" + name + "\",\"plugins\":[{\"type\":\"bridge\"}]}";
    }

    /** A single plugin configuration named {@code name}. */
    private static String conf(String name) {
        return "{\"cniVersion\":\"0.4.0\",\"name\":\"" + name + "\",\"type\":\"ptp\"}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(confDir.resolve(name), json);
    }

    private NetworkLoader.Outcome load(int maxConfNum, LoadOption... options) {
        return new NetworkLoader(confDir, "eth", maxConfNum).load(List.of(options));
    }

    /** Loads with maxConfNum 1 and expects success. */
    private List<ConfiguredNetwork> loaded(LoadOption... options) {
        NetworkLoader.Outcome outcome = load(1, options);
        assertThat(outcome.failure()).isEmpty();
        return outcome.networks();
    }

    private static List<String> ifNames(List<ConfiguredNetwork> networks) {
        return networks.stream().map(ConfiguredNetwork::ifName).toList();
    }

    private static List<String> names(List<ConfiguredNetwork> networks) {
        return networks.stream().map(n -> n.config().name()).toList();
    }

    @Nested
    @DisplayName("the interface naming matrix of §1.9 (A4)")
    class InterfaceNames {

        @Test
        void loopbackAndDefaultConfLoadTheFirstFileOnly() throws Exception {
            write("10-a.conflist", conflist("a"));
            write("20-b.conflist", conflist("b"));
            List<ConfiguredNetwork> networks = loaded(lo(), LoadOption.defaultConf());
            assertThat(ifNames(networks)).containsExactly("lo", "eth0");
            assertThat(names(networks)).containsExactly("cni-loopback", "a");
        }

        @Test
        void loopbackAndAllConfNumberTheFilesFromZero() throws Exception {
            write("a.conf", conf("a"));
            write("b.conflist", conflist("b"));
            List<ConfiguredNetwork> networks = loaded(lo(), LoadOption.allConf());
            assertThat(ifNames(networks)).containsExactly("lo", "eth0", "eth1");
            assertThat(names(networks)).containsExactly("cni-loopback", "a", "b");
        }

        @Test
        @DisplayName("confList counts every network loaded before, loopback included")
        void loopbackThenConfListIsEth1() {
            assertThat(ifNames(loaded(lo(), LoadOption.confList(bytes(conflist("x")))))).containsExactly("lo", "eth1");
        }

        @Test
        void twoConfListsAreEth0AndEth1() {
            List<ConfiguredNetwork> networks = loaded(LoadOption.confList(bytes(conflist("x"))),
                    LoadOption.confList(bytes(conflist("y"))));
            assertThat(ifNames(networks)).containsExactly("eth0", "eth1");
            assertThat(names(networks)).containsExactly("x", "y");
        }

        @Test
        @DisplayName("two confs both get eth0: go-cni does not check for collisions")
        void twoConfsCollideOnEth0() {
            assertThat(ifNames(loaded(LoadOption.conf(bytes(conf("a"))), LoadOption.conf(bytes(conf("b"))))))
                    .containsExactly("eth0", "eth0");
        }

        @Test
        void confFileThenConfListFileAreEth0AndEth1() throws Exception {
            Path a = write("a.conf", conf("a"));
            Path b = write("b.conflist", conflist("b"));
            assertThat(ifNames(loaded(LoadOption.confFile(a), LoadOption.confListFile(b)))).containsExactly("eth0", "eth1");
        }

        @Test
        void confIndexChoosesTheNumber() {
            assertThat(ifNames(loaded(LoadOption.conf(bytes(conf("a")), 5)))).containsExactly("eth5");
        }

        @Test
        @DisplayName("confFile is always eth0, even after loopback")
        void loopbackThenConfFileIsEth0() throws Exception {
            Path a = write("a.conf", conf("a"));
            assertThat(ifNames(loaded(lo(), LoadOption.confFile(a)))).containsExactly("lo", "eth0");
        }

        @Test
        void thePrefixIsUsed() throws Exception {
            write("a.conflist", conflist("a"));
            NetworkLoader.Outcome outcome = new NetworkLoader(confDir, "net", 1).load(List.of(LoadOption.defaultConf()));
            assertThat(ifNames(outcome.networks())).containsExactly("net0");
        }

        @Test
        @DisplayName("defaultConf after other networks still starts at eth0")
        void confDirNumberingRestartsAtZero() throws Exception {
            write("a.conflist", conflist("a"));
            write("b.conflist", conflist("b"));
            List<ConfiguredNetwork> networks = load(0, LoadOption.confList(bytes(conflist("x"))), lo(),
                    LoadOption.defaultConf()).networks();
            assertThat(ifNames(networks)).containsExactly("eth0", "lo", "eth0", "eth1");
        }
    }

    @Nested
    @DisplayName("the networks themselves")
    class Networks {

        @Test
        @DisplayName("loopback is go-cni's literal: cni-loopback, 0.3.1, on lo")
        void loopback() {
            ConfiguredNetwork lo = loaded(lo()).get(0);
            assertThat(lo.ifName()).isEqualTo("lo");
            NetworkConfigList list = lo.config();
            assertThat(list.name()).isEqualTo("cni-loopback");
            assertThat(list.cniVersion()).isEqualTo("0.3.1");
            assertThat(list.plugins()).extracting(PluginConfig::type).containsExactly("loopback");
            assertThat(list.plugins().get(0).source()).isEqualTo("{\"type\":\"loopback\"}");
            assertThat(list.source()).isEqualTo(
                    "{\n\"cniVersion\": \"0.3.1\",\n\"name\": \"cni-loopback\",\n\"plugins\": [{\n  \"type\": \"loopback\"\n}]\n}");
        }

        @Test
        @DisplayName("conf bytes and .conf files are upgraded to lists")
        void confsAreUpgraded() throws Exception {
            Path file = write("a.conf", "{ \"name\": \"a\", \"type\": \"ptp\" }");
            List<ConfiguredNetwork> networks = loaded(LoadOption.conf(bytes(conf("b"))), LoadOption.confFile(file));
            assertThat(networks.get(0).config().source())
                    .isEqualTo("{\"cniVersion\":\"0.4.0\",\"name\":\"b\",\"plugins\":[{\"cniVersion\":\"0.4.0\",\"name\":\"b\",\"type\":\"ptp\"}]}");
            assertThat(networks.get(1).config().source())
                    .isEqualTo("{\"cniVersion\":\"\",\"name\":\"a\",\"plugins\":[{\"name\":\"a\",\"type\":\"ptp\"}]}");
        }

        @Test
        @DisplayName("a .json file in the conf dir is a single plugin configuration")
        void jsonFilesAreConfs() throws Exception {
            write("a.json", conf("j"));
            ConfiguredNetwork network = loaded(LoadOption.defaultConf()).get(0);
            assertThat(network.config().name()).isEqualTo("j");
            assertThat(network.config().plugins()).extracting(PluginConfig::type).containsExactly("ptp");
        }

        @Test
        void confListFilesGetTheirSubdirectoryPlugins() throws Exception {
            Path file = write("net.conflist", conflist("net"));
            Files.createDirectories(confDir.resolve("net"));
            write("net/10-portmap.conf", "{\"type\":\"portmap\"}");
            assertThat(loaded(LoadOption.confListFile(file)).get(0).config().plugins())
                    .extracting(PluginConfig::type).containsExactly("bridge", "portmap");
            assertThat(loaded(LoadOption.defaultConf()).get(0).config().plugins())
                    .extracting(PluginConfig::type).containsExactly("bridge", "portmap");
        }

        @Test
        void noOptionsLoadNothing() {
            assertThat(loaded()).isEmpty();
        }
    }

    @Nested
    @DisplayName("loading from the conf dir (§1.8, A5, A6)")
    class ConfDir {

        @Test
        @DisplayName("files are taken in name order, byte-wise, so 10- sorts before 9-")
        void theFirstFileByNameIsTheDefault() throws Exception {
            write("9-a.conflist", conflist("nine"));
            write("10-b.conflist", conflist("ten"));
            assertThat(names(loaded(LoadOption.defaultConf()))).containsExactly("ten");
        }

        @Test
        void maxConfNumLimitsDefaultConf() throws Exception {
            write("1.conflist", conflist("one"));
            write("2.conf", conf("two"));
            write("3.json", conf("three"));
            assertThat(names(load(2, LoadOption.defaultConf()).networks())).containsExactly("one", "two");
            assertThat(names(load(3, LoadOption.defaultConf()).networks())).containsExactly("one", "two", "three");
            assertThat(names(load(9, LoadOption.defaultConf()).networks())).containsExactly("one", "two", "three");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void maxConfNumZeroOrLessIsUnlimited(int max) throws Exception {
            write("1.conflist", conflist("one"));
            write("2.conf", conf("two"));
            assertThat(names(load(max, LoadOption.defaultConf()).networks())).containsExactly("one", "two");
        }

        @Test
        void allConfIgnoresMaxConfNum() throws Exception {
            write("1.conflist", conflist("one"));
            write("2.conf", conf("two"));
            assertThat(names(load(1, LoadOption.allConf()).networks())).containsExactly("one", "two");
        }

        @Test
        void otherFilesAndDirectoriesAreIgnored() throws Exception {
            write("README.md", "# not a config");
            write("1.conflist.bak", "{");
            Files.createDirectories(confDir.resolve("0-dir.conflist"));
            write("2.conf", conf("two"));
            assertThat(names(load(0, LoadOption.allConf()).networks())).containsExactly("two");
        }

        @Test
        @DisplayName("files past the limit are never parsed")
        void filesPastTheLimitAreNotParsed() throws Exception {
            write("1.conflist", conflist("one"));
            write("2.conflist", "{ this is not json");
            NetworkLoader.Outcome outcome = load(1, LoadOption.defaultConf());
            assertThat(outcome.failure()).isEmpty();
            assertThat(names(outcome.networks())).containsExactly("one");
        }

        @Test
        @DisplayName("an invalid file within the limit aborts the whole option, nothing of it is kept")
        void anInvalidFileWithinTheLimitAbortsTheOption() throws Exception {
            write("1.conflist", conflist("one"));
            Path bad = write("2.conflist", "{\"name\":\"two\",\"plugins\":[]}");
            write("3.conflist", conflist("three"));
            NetworkLoader.Outcome outcome = load(0, lo(), LoadOption.allConf());
            assertThat(outcome.failure()).containsInstanceOf(InvalidConfigException.class);
            assertThat(outcome.failure().get())
                    .hasMessage(bad + ": error parsing configuration list: no plugins in list");
            assertThat(names(outcome.networks())).containsExactly("cni-loopback");
        }

        @Test
        @DisplayName("a conflist saved as .conf fails with missing 'type' (A6)")
        void aConflistInAConfFileFails() throws Exception {
            Path file = write("10-net.conf", conflist("net"));
            NetworkLoader.Outcome outcome = load(1, LoadOption.defaultConf());
            assertThat(outcome.failure()).containsInstanceOf(InvalidConfigException.class);
            assertThat(outcome.failure().get()).hasMessage(file + ": error parsing configuration: missing 'type'");
            assertThat(outcome.networks()).isEmpty();
        }

        @Test
        void anEmptyConfDirIsNotInitialized() {
            NetworkLoader.Outcome outcome = load(1, LoadOption.defaultConf());
            assertThat(outcome.failure()).containsInstanceOf(NotInitializedException.class);
            assertThat(outcome.failure().get()).hasMessage("no network config found in " + confDir);
        }

        @Test
        void aMissingConfDirIsNotInitialized() {
            Path missing = confDir.resolve("missing");
            NetworkLoader.Outcome outcome = new NetworkLoader(missing, "eth", 1).load(List.of(LoadOption.allConf()));
            assertThat(outcome.failure()).containsInstanceOf(NotInitializedException.class);
            assertThat(outcome.failure().get()).hasMessage("no network config found in " + missing);
        }

        @Test
        void aConfDirThatIsAFileIsAReadFailure() throws Exception {
            Path file = write("file", "x");
            NetworkLoader.Outcome outcome = new NetworkLoader(file, "eth", 1).load(List.of(LoadOption.defaultConf()));
            assertThat(outcome.failure()).containsInstanceOf(ConfigReadException.class);
        }

        @Test
        @DisplayName("directories named like conf files are skipped without counting towards maxConfNum")
        void directoriesDoNotCountTowardsTheLimit() throws Exception {
            Files.createDirectories(confDir.resolve("0-dir.conflist"));
            Files.createDirectories(confDir.resolve("1-dir.conf"));
            write("2.conflist", conflist("two"));
            write("3.conf", conf("three"));
            assertThat(names(load(1, LoadOption.defaultConf()).networks())).containsExactly("two");
            assertThat(ifNames(load(0, LoadOption.allConf()).networks())).containsExactly("eth0", "eth1");
        }

        @Test
        @DisplayName("a conf dir holding only directories named like conf files is not initialized")
        void onlyDirectoriesIsNotInitialized() throws Exception {
            Files.createDirectories(confDir.resolve("a.conflist"));
            Files.createDirectories(confDir.resolve("b.json"));
            NetworkLoader.Outcome outcome = load(1, lo(), LoadOption.defaultConf());
            assertThat(outcome.failure()).containsInstanceOf(NotInitializedException.class);
            assertThat(outcome.failure().get()).hasMessage("no network config found in " + confDir);
            assertThat(ifNames(outcome.networks())).containsExactly("lo");
        }

        @Test
        @DisplayName("a symlink to a directory is listed by ConfFiles, so it fails the load as a directory")
        void aSymlinkToADirectoryFails() throws Exception {
            Path target = Files.createDirectories(confDir.resolve("real"));
            Path link = Files.createSymbolicLink(confDir.resolve("0.conflist"), target);
            write("1.conflist", conflist("one"));
            NetworkLoader.Outcome outcome = load(0, LoadOption.allConf());
            assertThat(outcome.failure()).containsInstanceOf(ConfigReadException.class);
            assertThat(outcome.failure().get()).hasMessage("error reading " + link + ": is a directory");
        }

        @Test
        @DisplayName("a plugin subdirectory reached through a symlink, and one holding a directory named x.conf")
        void pluginSubdirectoryThroughASymlink() throws Exception {
            Path real = Files.createDirectories(confDir.resolve("elsewhere"));
            Files.writeString(real.resolve("1-tuning.conf"), "{\"type\":\"tuning\"}");
            Files.createDirectories(real.resolve("0-dir.conf"));
            Files.createSymbolicLink(confDir.resolve("net"), real);
            write("net.conflist", conflist("net"));
            assertThat(loaded(LoadOption.defaultConf()).get(0).config().plugins())
                    .extracting(PluginConfig::type).containsExactly("bridge", "tuning");
        }

        @Test
        @DisplayName("a file where the plugin subdirectory would be fails the conf dir load as it fails confListFile")
        void aFileWhereThePluginSubdirectoryWouldBe() throws Exception {
            write("net", "not a directory");
            write("net.conflist", conflist("net"));
            NetworkLoader.Outcome outcome = load(1, LoadOption.defaultConf());
            assertThat(outcome.failure()).containsInstanceOf(ConfigReadException.class);
            assertThat(outcome.failure().get())
                    .hasMessageStartingWith("failed to read plugin config files in " + confDir.resolve("net") + ": ");
        }

        @Test
        @DisplayName("a directory named like a conf file in the conf dir is skipped, a symlink loop fails the load")
        void unreadableEntries() throws Exception {
            Files.createDirectories(confDir.resolve("0.conf"));
            Path loop = Files.createSymbolicLink(confDir.resolve("1.conf"), confDir.resolve("1.conf"));
            write("2.conf", conf("two"));
            NetworkLoader.Outcome outcome = load(0, LoadOption.allConf());
            assertThat(outcome.failure()).containsInstanceOf(ConfigReadException.class);
            assertThat(outcome.failure().get()).hasMessageStartingWith("error reading " + loop + ": ");
            assertThat(outcome.networks()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a failing option (§1.7, A3)")
    class PartialLoad {

        @Test
        @DisplayName("loopback then defaultConf on an empty dir: lo stays loaded, the failure is NotInitialized")
        void networksBeforeTheFailureStay() {
            NetworkLoader.Outcome outcome = load(1, lo(), LoadOption.defaultConf());
            assertThat(ifNames(outcome.networks())).containsExactly("lo");
            assertThat(outcome.failure()).containsInstanceOf(NotInitializedException.class);
        }

        @Test
        @DisplayName("options after the failing one are not applied")
        void optionsAfterTheFailureAreSkipped() {
            NetworkLoader.Outcome outcome = load(1, LoadOption.confList(bytes(conflist("x"))),
                    LoadOption.confList(bytes("{\"name\":\"bad\"}")), LoadOption.confList(bytes(conflist("y"))));
            assertThat(names(outcome.networks())).containsExactly("x");
            CniException failure = outcome.failure().orElseThrow();
            assertThat(failure).isInstanceOf(InvalidConfigException.class)
                    .hasMessage("error parsing configuration list: no 'plugins' key, so the list has no plugins");
        }

        @Test
        void aMissingConfFileIsAReadFailure() {
            Path missing = confDir.resolve("missing.conf");
            NetworkLoader.Outcome outcome = load(1, lo(), LoadOption.confFile(missing));
            assertThat(ifNames(outcome.networks())).containsExactly("lo");
            assertThat(outcome.failure()).containsInstanceOf(ConfigReadException.class);
            assertThat(outcome.failure().get()).hasMessageContaining(missing.toString());
        }

        @Test
        void invalidConfBytesFail() {
            NetworkLoader.Outcome outcome = load(1, LoadOption.conf(bytes("{\"name\":\"no-type\"}")));
            assertThat(outcome.networks()).isEmpty();
            assertThat(outcome.failure()).containsInstanceOf(InvalidConfigException.class);
            assertThat(outcome.failure().get()).hasMessage("error parsing configuration: missing 'type'");
        }
    }
}
