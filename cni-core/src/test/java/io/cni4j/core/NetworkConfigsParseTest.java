package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level rules of libcni's conf.go (reference §2.12). */
class NetworkConfigsParseTest {

    private static final String PLUGINS = "\"plugins\":[{\"type\":\"bridge\"}]";

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static NetworkConfigList list(String json) throws InvalidConfigException {
        return NetworkConfigs.parseConfList(bytes(json));
    }

    private static void assertListFails(String json, String message) {
        assertThatThrownBy(() -> list(json)).isInstanceOf(InvalidConfigException.class).hasMessage(message);
    }

    @Nested
    @DisplayName("configuration list: name and cniVersion")
    class NameAndVersion {

        @Test
        void invalidJsonIsRefused() {
            assertThatThrownBy(() -> list("{"))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("error parsing configuration list: ");
        }

        @Test
        void emptyInputIsRefused() {
            assertThatThrownBy(() -> list(""))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage("error parsing configuration list: unexpected end of JSON input");
        }

        @Test
        void nonObjectIsRefused() {
            assertListFails("[1]", "error parsing configuration list: expected a JSON object, got array");
        }

        @Test
        void nameIsRequired() {
            assertListFails("{\"cniVersion\":\"1.0.0\"," + PLUGINS + "}", "error parsing configuration list: no name");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "1          | float64",
            "true       | bool",
            "null       | <nil>",
            "[\"a\"]    | []interface {}",
            "{}         | map[string]interface {}"})
        void nameMustBeAString(String value, String goType) {
            assertListFails("{\"name\":" + value + "," + PLUGINS + "}",
                    "error parsing configuration list: invalid name type " + goType);
        }

        @Test
        void nameIsNotValidatedAtLoad() throws Exception {
            assertThat(list("{\"name\":\"not a valid/name\"," + PLUGINS + "}").name()).isEqualTo("not a valid/name");
        }

        @Test
        void cniVersionMustBeAString() {
            assertListFails("{\"name\":\"n\",\"cniVersion\":1.0," + PLUGINS + "}",
                    "error parsing configuration list: invalid cniVersion type float64");
        }

        @Test
        void missingCniVersionIsEmpty() throws Exception {
            assertThat(list("{\"name\":\"n\"," + PLUGINS + "}").cniVersion()).isEmpty();
        }

        @Test
        @DisplayName("without cniVersions, cniVersion is not bounded (falls back to cniVersion)")
        void cniVersionAloneIsNotBounded() throws Exception {
            assertThat(list("{\"name\":\"n\",\"cniVersion\":\"1.2.3\"," + PLUGINS + "}").cniVersion()).isEqualTo("1.2.3");
        }

        @Test
        @DisplayName("name is checked before cniVersion, cniVersion before the booleans, those before plugins")
        void rulesApplyInLibcniOrder() {
            assertListFails("{\"cniVersion\":1,\"disableCheck\":1,\"plugins\":5}", "error parsing configuration list: no name");
            assertListFails("{\"name\":\"n\",\"cniVersion\":1,\"disableCheck\":1,\"plugins\":5}",
                    "error parsing configuration list: invalid cniVersion type float64");
            assertListFails("{\"name\":\"n\",\"cniVersions\":[1],\"disableCheck\":1,\"plugins\":5}",
                    "error parsing configuration list: invalid type for cniVersions index 0: float64");
            assertListFails("{\"name\":\"n\",\"disableCheck\":1,\"disableGC\":2,\"plugins\":5}",
                    "error parsing configuration list: invalid type float64 for disableCheck");
            assertListFails("{\"name\":\"n\",\"disableGC\":2,\"loadOnlyInlinedPlugins\":3,\"plugins\":5}",
                    "error parsing configuration list: invalid type float64 for disableGC");
            assertListFails("{\"name\":\"n\",\"loadOnlyInlinedPlugins\":3,\"plugins\":5}",
                    "error parsing configuration list: invalid type float64 for loadOnlyInlinedPlugins");
        }
    }

    @Nested
    @DisplayName("cniVersions selection (A26)")
    class CniVersions {

        @ParameterizedTest(name = "cniVersion {0}, cniVersions {1} -> \"{2}\"")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-     | [\"1.1.0\",\"0.4.0\",\"1.0.0\"]          | 1.1.0",
            "-     | [\"99.0.0\",\"1.1.0\",\"0.4.0\",\"1.0.0\"] | 1.1.0",
            "1.0.0 | [\"0.1.0\",\"0.4.0\"]                  | 1.0.0",
            "-     | []                                     | ''",
            "1.0.0 | [\"1.1.0\"]                            | 1.1.0",
            "2.0.0 | [\"3.0.0\"]                            | 2.0.0",
            "2.0.0 | [\"0.4.0\"]                            | 0.4.0",
            "-     | [\"0.3.1\",\"1.0\"]                     | 1.0"})
        void selectsTheHighestSupported(String cniVersion, String cniVersions, String expected) throws Exception {
            String version = cniVersion == null ? "" : "\"cniVersion\":\"" + cniVersion + "\",";
            assertThat(list("{\"name\":\"n\"," + version + "\"cniVersions\":" + cniVersions + "," + PLUGINS + "}")
                    .cniVersion()).isEqualTo(expected);
        }

        @Test
        void anUnparsableEntryIsRefused() {
            assertListFails("{\"name\":\"n\",\"cniVersions\":[\"1.1.0\",\"0.4.0\",\"1.0.f\"]," + PLUGINS + "}",
                    "error parsing configuration list: invalid cniVersions entry 1.0.f at index 2: "
                            + "failed to convert micro version part \"f\": invalid syntax");
        }

        @Test
        void anUnparsableCniVersionIsRefusedWhenCniVersionsIsSet() {
            assertListFails("{\"name\":\"n\",\"cniVersion\":\"x\",\"cniVersions\":[\"1.0.0\"]," + PLUGINS + "}",
                    "error parsing configuration list: invalid cniVersion x: "
                            + "failed to convert major version part \"x\": invalid syntax");
        }

        @Test
        void anUnparsableCniVersionIsKeptWithoutCniVersions() throws Exception {
            assertThat(list("{\"name\":\"n\",\"cniVersion\":\"x\"," + PLUGINS + "}").cniVersion()).isEqualTo("x");
        }

        @Test
        void mustBeAnArray() {
            assertListFails("{\"name\":\"n\",\"cniVersions\":\"1.0.0\"," + PLUGINS + "}",
                    "error parsing configuration list: invalid type for cniVersions: string");
        }

        @Test
        void entriesMustBeStrings() {
            assertListFails("{\"name\":\"n\",\"cniVersions\":[\"1.0.0\",true]," + PLUGINS + "}",
                    "error parsing configuration list: invalid type for cniVersions index 1: bool");
        }
    }

    @Nested
    @DisplayName("disableCheck, disableGC and loadOnlyInlinedPlugins (A27)")
    class Booleans {

        private boolean read(String key, String value) throws InvalidConfigException {
            NetworkConfigList l = list("{\"name\":\"n\",\"" + key + "\":" + value + "," + PLUGINS + "}");
            return switch (key) {
                case "disableCheck" -> l.disableCheck();
                case "disableGC" -> l.disableGC();
                default -> l.loadOnlyInlinedPlugins();
            };
        }

        @Test
        void absentIsFalse() throws Exception {
            NetworkConfigList l = list("{\"name\":\"n\"," + PLUGINS + "}");
            assertThat(l.disableCheck()).isFalse();
            assertThat(l.disableGC()).isFalse();
            assertThat(l.loadOnlyInlinedPlugins()).isFalse();
        }

        @ParameterizedTest(name = "{0}: {1} -> {2}")
        @CsvSource({
            "disableCheck, true, true", "disableCheck, false, false",
            "disableCheck, '\"true\"', true", "disableCheck, '\"FALSE\"', false", "disableCheck, '\"True\"', true",
            "disableGC, true, true", "disableGC, '\"TRUE\"', true", "disableGC, '\"false\"', false",
            "loadOnlyInlinedPlugins, true, true", "loadOnlyInlinedPlugins, '\"tRuE\"', true",
            "loadOnlyInlinedPlugins, false, false"})
        void acceptsBooleansAndBooleanStrings(String key, String value, boolean expected) throws Exception {
            assertThat(read(key, value)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
            "disableCheck, '\"adsfasdfasf\"', '\"adsfasdfasf\"'",
            "disableGC, '\"YES\"', '\"yes\"'",
            "loadOnlyInlinedPlugins, '\"sphagnum\"', '\"sphagnum\"'",
            "disableCheck, '\"\"', '\"\"'",
            "disableCheck, '\" true\"', '\" true\"'"})
        void otherStringsAreRefusedLowercased(String key, String value, String quoted) {
            assertThatThrownBy(() -> read(key, value))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage("error parsing configuration list: invalid value " + quoted + " for " + key);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "disableCheck           | 1       | float64",
            "disableGC              | null    | <nil>",
            "loadOnlyInlinedPlugins | [true]  | []interface {}",
            "disableCheck           | {}      | map[string]interface {}"})
        void otherTypesAreRefused(String key, String value, String goType) {
            assertThatThrownBy(() -> read(key, value))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage("error parsing configuration list: invalid type " + goType + " for " + key);
        }
    }

    @Nested
    @DisplayName("plugins")
    class Plugins {

        @Test
        void missingWithLoadOnlyInlinedPluginsIsRefused() {
            assertListFails("{\"name\":\"n\",\"loadOnlyInlinedPlugins\":true}",
                    "error parsing configuration list: `loadOnlyInlinedPlugins` is true, and no 'plugins' key");
        }

        @Test
        @DisplayName("a list without plugins is refused (DESIGN D10; libcni accepts it)")
        void missingIsRefused() {
            assertListFails("{\"name\":\"n\",\"cniVersion\":\"1.0.0\"}",
                    "error parsing configuration list: no 'plugins' key, so the list has no plugins");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"type\":\"bridge\"} | map[string]interface {}",
            "\"bridge\"            | string",
            "null                  | <nil>"})
        void mustBeAnArray(String value, String goType) {
            assertListFails("{\"name\":\"n\",\"plugins\":" + value + "}",
                    "error parsing configuration list: invalid 'plugins' type " + goType);
        }

        @Test
        void mustNotBeEmpty() {
            assertListFails("{\"name\":\"n\",\"plugins\":[]}", "error parsing configuration list: no plugins in list");
        }

        @Test
        void everyPluginNeedsAType() {
            assertListFails("{\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"},{\"mtu\":1400}]}",
                    "failed to parse plugin config 1: error parsing configuration: missing 'type'");
        }

        @Test
        void aPluginThatIsNotAnObjectIsRefused() {
            assertListFails("{\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"},7]}",
                    "failed to parse plugin config 1: error parsing configuration: expected a JSON object, got number");
        }

        @Test
        void pluginTypedFieldsAreChecked() {
            assertListFails("{\"name\":\"n\",\"plugins\":[{\"type\":\"portmap\",\"capabilities\":{\"x\":\"yes\"}}]}",
                    "failed to parse plugin config 0: error parsing configuration: "
                            + "field 'capabilities.x' must be bool, got string");
        }

        @Test
        @DisplayName("plugins are re-serialised with sorted keys, compact; the list keeps its bytes")
        void sources() throws Exception {
            String json = "{\n  \"name\": \"n\",\n  \"cniVersion\": \"1.0.0\",\n  \"plugins\": [\n"
                    + "    {\"type\": \"bridge\", \"mtu\": 1400},\n"
                    + "    {\"type\": \"host-local\", \"subnet\": \"10.0.0.1/24\"},\n"
                    + "    {\"type\": \"port-forwarding\", \"ports\": {\"20.0.0.1:8080\": \"80\"}},\n"
                    + "    {\"z\": {\"b\": [{\"y\": 1, \"x\": 2}], \"a\": 12345678901234567890}, \"type\": \"t\"}\n"
                    + "  ]\n}\n";
            NetworkConfigList l = list(json);
            assertThat(l.source()).isEqualTo(json);
            assertThat(l.plugins()).extracting(PluginConfig::source).containsExactly(
                    "{\"mtu\":1400,\"type\":\"bridge\"}",
                    "{\"subnet\":\"10.0.0.1/24\",\"type\":\"host-local\"}",
                    "{\"ports\":{\"20.0.0.1:8080\":\"80\"},\"type\":\"port-forwarding\"}",
                    "{\"type\":\"t\",\"z\":{\"a\":12345678901234567890,\"b\":[{\"x\":2,\"y\":1}]}}");
        }

        @Test
        void typedFieldsOfAListAreRead() throws Exception {
            NetworkConfigList l = list("{\"name\":\"net\",\"cniVersion\":\"0.4.0\",\"disableCheck\":\"true\","
                    + "\"disableGC\":true,\"plugins\":[{\"type\":\"bridge\",\"name\":\"own\",\"cniVersion\":\"0.3.1\","
                    + "\"ipam\":{\"type\":\"host-local\"}},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}");
            assertThat(l.name()).isEqualTo("net");
            assertThat(l.cniVersion()).isEqualTo("0.4.0");
            assertThat(l.disableCheck()).isTrue();
            assertThat(l.disableGC()).isTrue();
            assertThat(l.loadOnlyInlinedPlugins()).isFalse();
            assertThat(l.plugins()).extracting(PluginConfig::type).containsExactly("bridge", "portmap");
            assertThat(l.plugins().get(0).name()).isEqualTo("own");
            assertThat(l.plugins().get(0).cniVersion()).isEqualTo("0.3.1");
            assertThat(l.plugins().get(0).ipamType()).isEqualTo("host-local");
            assertThat(l.plugins().get(1).hasCapability("portMappings")).isTrue();
        }
    }

    @Nested
    @DisplayName("single plugin configuration")
    class PluginConf {

        private PluginConfig plugin(String json) throws InvalidConfigException {
            return NetworkConfigs.parsePluginConf(bytes(json));
        }

        private void assertPluginFails(String json, String message) {
            assertThatThrownBy(() -> plugin(json)).isInstanceOf(InvalidConfigException.class).hasMessage(message);
        }

        @Test
        void readsTheTypedFieldsAndKeepsTheBytes() throws Exception {
            String json = "{ \"cniVersion\": \"0.3.1\", \"name\": \"mynet\", \"type\": \"bridge\",\n"
                    + "  \"capabilities\": {\"portMappings\": true, \"mac\": false, \"dns\": true},\n"
                    + "  \"ipam\": {\"type\": \"host-local\", \"subnet\": \"10.1.0.0/16\"},\n"
                    + "  \"dns\": {\"nameservers\": [\"10.1.0.1\"], \"domain\": \"d\", \"search\": [], \"options\": null},\n"
                    + "  \"prevResult\": {}, \"cni.dev/valid-attachments\": [{\"containerID\": \"c\", \"ifname\": \"eth0\"}]}";
            PluginConfig p = plugin(json);
            assertThat(p.type()).isEqualTo("bridge");
            assertThat(p.name()).isEqualTo("mynet");
            assertThat(p.cniVersion()).isEqualTo("0.3.1");
            assertThat(p.ipamType()).isEqualTo("host-local");
            assertThat(p.capabilities()).containsExactly(
                    Map.entry("portMappings", true), Map.entry("mac", false), Map.entry("dns", true));
            assertThat(p.source()).isEqualTo(json);
        }

        @Test
        void onlyTypeIsRequired() throws Exception {
            PluginConfig p = plugin("{\"type\":\"host-device\"}");
            assertThat(p.name()).isEmpty();
            assertThat(p.cniVersion()).isEmpty();
            assertThat(p.capabilities()).isEmpty();
            assertThat(p.ipamType()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"type\":\"\"}", "{\"type\":null}", "null",
            "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"}]}"})
        void typeIsRequired(String json) {
            assertPluginFails(json, "error parsing configuration: missing 'type'");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "{\"type\":1}                                     | field 'type' must be string, got number",
            "{\"type\":\"t\",\"name\":[]}                     | field 'name' must be string, got array",
            "{\"type\":\"t\",\"cniVersion\":1.0}              | field 'cniVersion' must be string, got number",
            "{\"type\":\"t\",\"capabilities\":[\"a\"]}        | field 'capabilities' must be object, got array",
            "{\"type\":\"t\",\"capabilities\":{\"x\":\"yes\"}} | field 'capabilities.x' must be bool, got string",
            "{\"type\":\"t\",\"ipam\":\"host-local\"}         | field 'ipam' must be object, got string",
            "{\"type\":\"t\",\"ipam\":{\"type\":5}}           | field 'ipam.type' must be string, got number",
            "{\"type\":\"t\",\"dns\":{\"nameservers\":\"x\"}} | field 'dns.nameservers' must be array, got string",
            "{\"type\":\"t\",\"dns\":{\"search\":[1]}}        | field 'dns.search[0]' must be string, got number",
            "{\"type\":\"t\",\"prevResult\":[]}               | field 'prevResult' must be object, got array",
            "{\"type\":\"t\",\"cni.dev/valid-attachments\":[{\"ifname\":0}]} "
                    + "| field 'cni.dev/valid-attachments[0].ifname' must be string, got number"})
        void typedFieldsMustHaveTheirType(String json, String problem) {
            assertPluginFails(json, "error parsing configuration: " + problem);
        }

        @Test
        void nonObjectIsRefused() {
            assertPluginFails("[]", "error parsing configuration: expected a JSON object, got array");
        }

        @Test
        void invalidJsonIsRefused() {
            assertThatThrownBy(() -> plugin("{\"type\":"))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("error parsing configuration: ");
        }

        @Test
        void duplicateKeysAreRefused() {
            assertThatThrownBy(() -> plugin("{\"type\":\"a\",\"type\":\"b\"}"))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("Duplicate field 'type'");
        }
    }

    @Nested
    @DisplayName("conf to conflist upgrade")
    class Upgrade {

        @Test
        void wrapsThePluginInASortedList() throws Exception {
            PluginConfig conf = NetworkConfigs.parsePluginConf(bytes(
                    "{\"type\":\"bridge\",\"name\":\"mynet\",\"cniVersion\":\"0.3.1\",\"bridge\":\"cni0\",\"ipam\":{\"type\":\"host-local\"}}"));
            NetworkConfigList l = NetworkConfigs.confListFromConf(conf);
            String plugin = "{\"bridge\":\"cni0\",\"cniVersion\":\"0.3.1\",\"ipam\":{\"type\":\"host-local\"},"
                    + "\"name\":\"mynet\",\"type\":\"bridge\"}";
            assertThat(l.source()).isEqualTo("{\"cniVersion\":\"0.3.1\",\"name\":\"mynet\",\"plugins\":[" + plugin + "]}");
            assertThat(l.name()).isEqualTo("mynet");
            assertThat(l.cniVersion()).isEqualTo("0.3.1");
            assertThat(l.plugins()).hasSize(1);
            assertThat(l.plugins().get(0).source()).isEqualTo(plugin);
            assertThat(l.plugins().get(0).type()).isEqualTo("bridge");
            assertThat(l.plugins().get(0).ipamType()).isEqualTo("host-local");
        }

        @Test
        void aPluginWithoutNameAndVersionGivesEmptyOnes() throws Exception {
            NetworkConfigList l = NetworkConfigs.confListFromConf(NetworkConfigs.parsePluginConf(bytes("{\"type\":\"tap\"}")));
            assertThat(l.source()).isEqualTo("{\"cniVersion\":\"\",\"name\":\"\",\"plugins\":[{\"type\":\"tap\"}]}");
            assertThat(l.name()).isEmpty();
            assertThat(l.cniVersion()).isEmpty();
        }

        @Test
        @DisplayName("the upgraded list survives a round trip through its own source")
        void roundTrip() throws Exception {
            NetworkConfigList l = NetworkConfigs.confListFromConf(NetworkConfigs.parsePluginConf(
                    bytes("{\"type\":\"macvlan\",\"name\":\"m\",\"cniVersion\":\"1.0.0\",\"master\":\"eth0\"}")));
            assertThat(NetworkConfigs.parseConfList(bytes(l.source()))).isEqualTo(l);
        }

        @Test
        void anInvalidSourceIsRefused() {
            PluginConfig handMade = new PluginConfig("bridge", "n", "1.0.0", Map.of(), "", "{not json");
            assertThatThrownBy(() -> NetworkConfigs.confListFromConf(handMade))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("error parsing configuration: ");
        }
    }
}
