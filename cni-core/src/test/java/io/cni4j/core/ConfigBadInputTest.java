package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.core.internal.config.ConfigFiles;
import io.cni4j.core.internal.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad configuration input beyond the rule-by-rule tests of {@link NetworkConfigsParseTest} and
 * {@link NetworkConfigsFilesTest}: every truncation of every real-world file, every known field with
 * every wrong JSON type, the size and nesting limits at scale, and encodings. Every case ends in a
 * {@link InvalidConfigException} or {@link ConfigReadException} (never another exception, never a hang).
 */
@Timeout(120)
class ConfigBadInputTest {

    @TempDir
    Path dir;

    static Path corpus() throws URISyntaxException {
        return Path.of(ConfigBadInputTest.class.getResource("/conf-corpus/cni-spec-dbnet.conflist").toURI()).getParent();
    }

    static Stream<Path> corpusFiles() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.sorted().toList().stream();
        }
    }

    /** Parses a corpus file's bytes the way its extension says. */
    static void parse(Path file, byte[] bytes) throws InvalidConfigException {
        if (file.getFileName().toString().endsWith(".conflist")) {
            NetworkConfigs.parseConfList(bytes);
        } else {
            NetworkConfigs.confListFromConf(NetworkConfigs.parsePluginConf(bytes));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    @DisplayName("every truncation of every real-world file is an InvalidConfigException")
    void everyTruncation(Path file) throws Exception {
        byte[] whole = Files.readAllBytes(file);
        int content = new String(whole, StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8).length;
        parse(file, whole);
        for (int length = 0; length < content; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            Throwable thrown = catchThrowable(() -> parse(file, prefix));
            assertThat(thrown).as("%s cut to %d of %d bytes", file.getFileName(), length, whole.length)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("error parsing configuration");
        }
    }

    // ------------------------------------------------------------------ wrong types for every known field

    /** A value of each JSON kind, and the kind's name in the parser's messages. */
    private record Value(String json, String kind, String goType) {
    }

    private static final List<Value> VALUES = List.of(
            new Value("1", "number", "float64"), new Value("-1.5e3", "number", "float64"),
            new Value("true", "bool", "bool"), new Value("\"s\"", "string", "string"),
            new Value("[]", "array", "[]interface {}"), new Value("[1,{}]", "array", "[]interface {}"),
            new Value("{}", "object", "map[string]interface {}"),
            new Value("{\"type\":1}", "object", "map[string]interface {}"),
            new Value("null", "null", "<nil>"));

    /**
     * The typed fields of a plugin configuration: a path as the parser names it, the kind it must
     * have, and the JSON of a plugin with {@code %s} where the value goes.
     */
    private record Field(String path, String kind, String template) {
    }

    private static final List<Field> PLUGIN_FIELDS = List.of(
            new Field("type", "string", "{\"type\":%s}"),
            new Field("name", "string", "{\"type\":\"t\",\"name\":%s}"),
            new Field("cniVersion", "string", "{\"type\":\"t\",\"cniVersion\":%s}"),
            new Field("capabilities", "object", "{\"type\":\"t\",\"capabilities\":%s}"),
            new Field("capabilities.portMappings", "bool", "{\"type\":\"t\",\"capabilities\":{\"portMappings\":%s}}"),
            new Field("ipam", "object", "{\"type\":\"t\",\"ipam\":%s}"),
            new Field("ipam.type", "string", "{\"type\":\"t\",\"ipam\":{\"type\":%s}}"),
            new Field("dns", "object", "{\"type\":\"t\",\"dns\":%s}"),
            new Field("dns.nameservers", "array", "{\"type\":\"t\",\"dns\":{\"nameservers\":%s}}"),
            new Field("dns.nameservers[1]", "string", "{\"type\":\"t\",\"dns\":{\"nameservers\":[\"1.1.1.1\",%s]}}"),
            new Field("dns.domain", "string", "{\"type\":\"t\",\"dns\":{\"domain\":%s}}"),
            new Field("dns.search", "array", "{\"type\":\"t\",\"dns\":{\"search\":%s}}"),
            new Field("dns.search[0]", "string", "{\"type\":\"t\",\"dns\":{\"search\":[%s]}}"),
            new Field("dns.options", "array", "{\"type\":\"t\",\"dns\":{\"options\":%s}}"),
            new Field("dns.options[0]", "string", "{\"type\":\"t\",\"dns\":{\"options\":[%s]}}"),
            new Field("prevResult", "object", "{\"type\":\"t\",\"prevResult\":%s}"),
            new Field("cni.dev/valid-attachments", "array", "{\"type\":\"t\",\"cni.dev/valid-attachments\":%s}"),
            new Field("cni.dev/valid-attachments[0]", "object", "{\"type\":\"t\",\"cni.dev/valid-attachments\":[%s]}"),
            new Field("cni.dev/valid-attachments[0].containerID", "string",
                    "{\"type\":\"t\",\"cni.dev/valid-attachments\":[{\"containerID\":%s}]}"),
            new Field("cni.dev/valid-attachments[0].ifname", "string",
                    "{\"type\":\"t\",\"cni.dev/valid-attachments\":[{\"ifname\":%s}]}"));

    static Stream<Arguments> pluginFieldsWithWrongTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (Field field : PLUGIN_FIELDS) {
            for (Value value : VALUES) {
                if (!value.kind().equals(field.kind()) && !value.kind().equals("null")) {
                    cases.add(Arguments.of(field.path(), value.json(), field.template().formatted(value.json()),
                            "field '" + field.path() + "' must be " + field.kind() + ", got " + value.kind()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("pluginFieldsWithWrongTypes")
    @DisplayName("a plugin field of the wrong type is refused naming the field, alone and inside a list")
    void pluginFieldOfTheWrongType(String path, String value, String plugin, String problem) {
        assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(bytes(plugin)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("error parsing configuration: " + problem);
        String list = "{\"name\":\"n\",\"cniVersion\":\"1.0.0\",\"plugins\":[{\"type\":\"ok\"}," + plugin + "]}";
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(bytes(list)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("failed to parse plugin config 1: error parsing configuration: " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullablePluginFields")
    @DisplayName("null in a plugin field means absent, as for Go's decoder; a null type is a missing type")
    void pluginFieldNull(String path, String plugin) throws Exception {
        if (path.equals("type")) {
            assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(bytes(plugin)))
                    .hasMessage("error parsing configuration: missing 'type'");
        } else {
            assertThat(NetworkConfigs.parsePluginConf(bytes(plugin)).type()).isEqualTo("t");
        }
    }

    static Stream<Arguments> nullablePluginFields() {
        return PLUGIN_FIELDS.stream().map(f -> Arguments.of(f.path(), f.template().formatted("null")));
    }

    static Stream<Arguments> listFieldsWithWrongTypes() {
        List<Arguments> cases = new ArrayList<>();
        String plugins = "\"plugins\":[{\"type\":\"t\"}]";
        for (Value v : VALUES) {
            if (!v.kind().equals("string")) {
                cases.add(Arguments.of("name", v.json(), "{\"name\":" + v.json() + "," + plugins + "}",
                        "invalid name type " + v.goType()));
                cases.add(Arguments.of("cniVersion", v.json(), "{\"name\":\"n\",\"cniVersion\":" + v.json() + ","
                        + plugins + "}", "invalid cniVersion type " + v.goType()));
                cases.add(Arguments.of("cniVersions[0]", v.json(), "{\"name\":\"n\",\"cniVersions\":[" + v.json() + "],"
                        + plugins + "}", "invalid type for cniVersions index 0: " + v.goType()));
            }
            if (!v.kind().equals("array")) {
                cases.add(Arguments.of("cniVersions", v.json(), "{\"name\":\"n\",\"cniVersions\":" + v.json() + ","
                        + plugins + "}", "invalid type for cniVersions: " + v.goType()));
                cases.add(Arguments.of("plugins", v.json(), "{\"name\":\"n\",\"plugins\":" + v.json() + "}",
                        "invalid 'plugins' type " + v.goType()));
            }
            if (!v.kind().equals("object") && !v.kind().equals("null")) {
                cases.add(Arguments.of("plugins[0]", v.json(), "{\"name\":\"n\",\"plugins\":[" + v.json() + "]}",
                        "failed to parse plugin config 0: error parsing configuration: expected a JSON object, got "
                                + v.kind()));
            }
            if (!v.kind().equals("bool") && !v.kind().equals("string")) {
                for (String key : List.of("disableCheck", "disableGC", "loadOnlyInlinedPlugins")) {
                    cases.add(Arguments.of(key, v.json(), "{\"name\":\"n\",\"" + key + "\":" + v.json() + "," + plugins
                            + "}", "invalid type " + v.goType() + " for " + key));
                }
            }
        }
        for (String key : List.of("disableCheck", "disableGC", "loadOnlyInlinedPlugins")) {
            cases.add(Arguments.of(key, "\"s\"", "{\"name\":\"n\",\"" + key + "\":\"s\"," + plugins + "}",
                    "invalid value \"s\" for " + key));
        }
        cases.add(Arguments.of("plugins[0]", "null", "{\"name\":\"n\",\"plugins\":[null]}",
                "failed to parse plugin config 0: error parsing configuration: missing 'type'"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("listFieldsWithWrongTypes")
    @DisplayName("a list field of the wrong type is refused naming the field")
    void listFieldOfTheWrongType(String path, String value, String list, String problem) {
        String expected = problem.startsWith("failed to parse plugin config") ? problem
                : "error parsing configuration list: " + problem;
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(bytes(list)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(expected);
    }

    // ------------------------------------------------------------------ size, count and nesting

    /** A file of {@code size} bytes that starts like a valid list: sparse, so it costs no disk. */
    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes("{\"name\":\"n\",\"plugins\":[{\"type\":\"t\"}],\"pad\":\"")));
            ch.write(ByteBuffer.wrap(bytes("\"}")), size - 2);
        }
        return file;
    }

    @Test
    @DisplayName("a 10 MiB file is refused before it is read, by every file entry point")
    void tenMebibyteFile() throws Exception {
        long size = 10L << 20;
        Path list = sparse("big.conflist", size);
        Path conf = sparse("big.conf", size);
        String message = size + " bytes is more than the limit of 1048576 bytes (1 MiB)";
        assertThatThrownBy(() -> NetworkConfigs.readConfListFile(list)).isInstanceOf(ConfigReadException.class)
                .hasMessage("error reading " + list + ": " + message);
        assertThatThrownBy(() -> NetworkConfigs.readConfFile(conf)).isInstanceOf(ConfigReadException.class)
                .hasMessage("error reading " + conf + ": " + message);
        var loader = new io.cni4j.core.internal.config.NetworkLoader(dir, "eth", 0);
        assertThat(loader.load(List.of(LoadOption.confListFile(list))).failure()).get()
                .isInstanceOf(ConfigReadException.class);
        assertThat(loader.load(List.of(LoadOption.allConf())).failure()).get()
                .isInstanceOf(ConfigReadException.class);
    }

    /** A list of {@code count} minimal plugins, {@code {"type":"p"}} each (13 bytes with the comma). */
    private static String manyPlugins(int count) {
        StringBuilder json = new StringBuilder("{\"cniVersion\":\"1.0.0\",\"name\":\"many\",\"plugins\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"p\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    @DisplayName("100,000 plugins cannot fit in a 1 MiB file (13 bytes each at the least): the file is refused")
    void hundredThousandPluginsInAFile() throws Exception {
        String json = manyPlugins(100_000);
        assertThat(json.length()).isGreaterThan(ConfigFiles.MAX_FILE_SIZE);
        Path file = Files.writeString(dir.resolve("many.conflist"), json);
        assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file)).isInstanceOf(ConfigReadException.class)
                .hasMessageContaining("is more than the limit of 1048576 bytes");
    }

    @Test
    @DisplayName("100,000 plugins given as bytes (no file, no size limit) parse, in order")
    void hundredThousandPluginsAsBytes() throws Exception {
        NetworkConfigList list = NetworkConfigs.parseConfList(bytes(manyPlugins(100_000)));
        assertThat(list.plugins()).hasSize(100_000);
        assertThat(list.plugins().get(99_999).source()).isEqualTo("{\"type\":\"p\"}");
    }

    @Test
    @DisplayName("10,000 plugins fit in a file under the limit and load")
    void tenThousandPluginsInAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("many.conflist"), manyPlugins(10_000));
        assertThat(Files.size(file)).isLessThan(ConfigFiles.MAX_FILE_SIZE);
        assertThat(NetworkConfigs.readConfListFile(file).plugins()).hasSize(10_000);
    }

    @Test
    @DisplayName("a network of 10,000 plugins sets up (each gets the previous result) and is removed in reverse")
    void tenThousandPluginsThroughTheFacade() throws Exception {
        var plugins = new io.cni4j.testkit.FakePluginExecutor()
                .register("p", io.cni4j.testkit.FakePlugins.passThrough());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        plugins.installPlaceholders(bin);
        Files.writeString(conf.resolve("many.conflist"), manyPlugins(10_000));
        try (io.cni4j.api.Cni cni = Cni4j.newBuilder().executorProvider(new io.cni4j.testkit.FakeExecutorProvider(plugins))
                .pluginDirs(List.of(bin)).confDir(conf).cacheDir(dir.resolve("cache")).build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", "/run/netns/c1");
            cni.remove("c1", "/run/netns/c1");
        }
        assertThat(plugins.recorder().invocations("p", io.cni4j.api.Verb.ADD)).hasSize(10_000);
        assertThat(plugins.recorder().invocations("p", io.cni4j.api.Verb.DEL)).hasSize(10_000);
        assertThat(dir.resolve("cache/results/many-c1-eth0")).doesNotExist();
    }

    static Stream<Arguments> deepDocuments() {
        int depth = 10_000;
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String unclosed = "[".repeat(depth);
        return Stream.of(
                Arguments.of("arrays in a list", "{\"name\":\"n\",\"x\":" + arrays + ",\"plugins\":[{\"type\":\"t\"}]}"),
                Arguments.of("objects in a list", "{\"name\":\"n\",\"x\":" + objects + ",\"plugins\":[{\"type\":\"t\"}]}"),
                Arguments.of("arrays in a plugin", "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"x\":" + arrays + "}]}"),
                Arguments.of("objects in ipam", "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"ipam\":" + objects + "}]}"),
                Arguments.of("an unclosed document", unclosed),
                Arguments.of("the whole document", arrays));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepDocuments")
    @DisplayName("10,000 levels of nesting are refused at the 256 limit, as bytes and as a file, without a stack overflow")
    void deepNesting(String what, String json) throws Exception {
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(bytes(json)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nesting depth");
        Path file = Files.writeString(dir.resolve("deep.conflist"), json);
        assertThatThrownBy(() -> NetworkConfigs.readConfListFile(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("nesting depth");
        String plugin = "{\"type\":\"t\",\"x\":" + json + "}";
        assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(bytes(plugin)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    @DisplayName("the nesting limit is 256 levels, the document's own object included")
    void nestingLimitBoundary() throws Exception {
        // The list object is level 1 and the plugins array level 2, the plugin level 3, its "x" levels 4 and on.
        String atLimit = "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"x\":" + "[".repeat(253) + "]".repeat(253) + "}]}";
        assertThat(NetworkConfigs.parseConfList(bytes(atLimit)).plugins()).hasSize(1);
        String beyond = "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"x\":" + "[".repeat(254) + "]".repeat(254) + "}]}";
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(bytes(beyond)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nesting depth");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"type\":\"b\"}]}",
        "{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"ipam\":{\"type\":\"x\",\"subnet\":\"1\",\"subnet\":\"2\"}}]}",
        "{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"capabilities\":{\"portMappings\":true,\"portMappings\":false}}]}",
        "{\"name\":\"n\",\"plugins\":[{\"type\":\"a\"}],\"plugins\":[{\"type\":\"b\"}]}",
        "{\"name\":\"n\",\"plugins\":[{\"type\":\"a\",\"x\":[[{\"k\":1,\"k\":1}]]}]}"})
    @DisplayName("duplicate keys at any level are refused (Go would keep the last one silently)")
    void duplicateKeysAnywhere(String json) {
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(bytes(json)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("Duplicate field");
    }

    static Stream<Arguments> notUtf8() {
        String head = "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\",\"x\":\"";
        String tail = "\"}]}";
        return Stream.of(
                Arguments.of("a lone continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("a truncated 2-byte sequence", new byte[] {(byte) 0xC3}),
                Arguments.of("a bad continuation", new byte[] {(byte) 0xC3, 0x28}),
                Arguments.of("an overlong '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("an encoded surrogate (CESU-8)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("a code point above U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("0xFF", new byte[] {(byte) 0xFF}),
                Arguments.of("0xFE", new byte[] {(byte) 0xFE}))
                .map(a -> {
                    byte[] middle = (byte[]) a.get()[1];
                    byte[] doc = concat(bytes(head), middle, bytes(tail));
                    return Arguments.of(a.get()[0], doc);
                });
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    @DisplayName("bytes that are not UTF-8 inside a string are refused")
    void invalidUtf8(String what, byte[] json) {
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(json))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("error parsing configuration list: ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e9999999999", "-1E+9999999999", "0.5e-99999999999"})
    @DisplayName("a number whose exponent does not fit in an int is an InvalidConfigException (found by the fuzzer)")
    void hugeExponents(String number) {
        assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(bytes("{\"type\":\"t\",\"x\":" + number + "}")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("error parsing configuration: invalid number: ");
    }

    @Test
    @DisplayName("numbers of up to 1,000 digits are kept exactly; longer ones are refused")
    void numberLength() throws Exception {
        String longest = "{\"type\":\"t\",\"x\":" + "9".repeat(1_000) + "}";
        assertThat(NetworkConfigs.parsePluginConf(bytes(longest)).source()).isEqualTo(longest);
        assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(bytes("{\"type\":\"t\",\"x\":" + "9".repeat(1_001) + "}")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("Number value length");
    }

    @Test
    @DisplayName("large exponents that fit are kept exactly")
    void largeExponentsThatFit() throws Exception {
        String json = "{\"type\":\"t\",\"x\":1e999999999,\"y\":-1E-2147483647}";
        assertThat(NetworkConfigs.parsePluginConf(bytes(json)).source()).isEqualTo(json);
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark is refused, as Go's decoder refuses it")
    void utf8ByteOrderMark() {
        byte[] json = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{\"type\":\"t\"}"));
        assertThatThrownBy(() -> NetworkConfigs.parsePluginConf(json))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("error parsing configuration: input starts with a byte-order mark (0xEF 0xBB 0xBF)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-16"})
    @DisplayName("other encodings are refused, with or without a byte-order mark")
    void otherEncodings(String charset) {
        byte[] json = "{\"name\":\"n\",\"plugins\":[{\"type\":\"t\"}]}".getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> NetworkConfigs.parseConfList(json))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("not UTF-8");
    }

    // ------------------------------------------------------------------ names

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a/b", "../x", "..", ".", "a\\u0001b", "a\\nb", "a\\u0000b", "a b", "-a", "a\\\\b"})
    @DisplayName("a list name with a separator or a control character loads, as in libcni, but looks up no plugin subdirectory")
    void namesAreKeptButNeverUsedAsPaths(String escapedName) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        // Where a name used as a path would lead: the conf dir itself, its parent, ../x, a/b.
        for (Path planted : List.of(conf.resolve("planted.conf"), dir.resolve("planted.conf"),
                dir.resolve("x/planted.conf"), conf.resolve("a/b/planted.conf"), conf.resolve("a\\b/planted.conf"))) {
            Files.createDirectories(planted.getParent());
            Files.writeString(planted, "{\"type\":\"planted\"}");
        }
        Path file = Files.writeString(conf.resolve("x.conflist"),
                "{\"name\":\"" + escapedName + "\",\"plugins\":[{\"type\":\"t\"}]}");
        NetworkConfigList list = NetworkConfigs.readConfListFile(file);
        assertThat(list.name()).isEqualTo(Json.parse("\"" + escapedName + "\"").textValue());
        assertThat(list.plugins()).extracting(p -> p.type()).containsExactly("t");
    }

    // ------------------------------------------------------------------ a conf dir holding what is not a file

    /** What can sit in a conf dir under a configuration file's name. */
    enum NotAFile { FIFO, SYMLINK_LOOP, DANGLING_SYMLINK, SYMLINK_TO_A_DIRECTORY, UNREADABLE, HUGE, DIRECTORY }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(NotAFile.class)
    @DisplayName("load of a conf dir holding a FIFO, a symlink loop, an unreadable or huge file fails at once naming it")
    void confDirWithSomethingThatIsNotAFile(NotAFile kind) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("10-good.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"good\","
                + "\"plugins\":[{\"type\":\"t\"}]}");
        Path bad = conf.resolve("05-bad.conflist");
        switch (kind) {
            case FIFO -> {
                int exit = new ProcessBuilder("mkfifo", bad.toString()).inheritIO().start().waitFor();
                org.junit.jupiter.api.Assumptions.assumeTrue(exit == 0, "mkfifo failed");
            }
            case SYMLINK_LOOP -> Files.createSymbolicLink(bad, bad);
            case DANGLING_SYMLINK -> Files.createSymbolicLink(bad, conf.resolve("gone"));
            case SYMLINK_TO_A_DIRECTORY -> Files.createSymbolicLink(bad, Files.createDirectories(dir.resolve("elsewhere")));
            case UNREADABLE -> {
                Files.writeString(bad, "{}");
                Files.setPosixFilePermissions(bad, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
                if (Files.isReadable(bad)) {
                    Files.delete(bad);
                    Files.createSymbolicLink(bad, Path.of("/proc/self/mem"));
                }
            }
            case HUGE -> sparse("conf/05-bad.conflist", 10L << 20);
            case DIRECTORY -> Files.createDirectories(bad);
            default -> throw new AssertionError(kind);
        }
        var plugins = new io.cni4j.testkit.FakePluginExecutor();
        try (io.cni4j.api.Cni cni = Cni4j.newBuilder().executorProvider(new io.cni4j.testkit.FakeExecutorProvider(plugins))
                .pluginDirs(List.of(dir)).confDir(conf).cacheDir(dir.resolve("cache")).maxConfNum(0).build()) {
            if (kind == NotAFile.DIRECTORY) {
                // libcni's ConfFiles skips directories: the good file loads alone.
                cni.load(LoadOption.defaultConf());
                assertThat(cni.config().networks()).extracting(n -> n.config().name()).containsExactly("good");
                return;
            }
            assertThatThrownBy(() -> cni.load(LoadOption.defaultConf()))
                    .isInstanceOf(LoadException.class)
                    .hasCauseInstanceOf(ConfigReadException.class)
                    .hasMessageContaining("error reading " + bad);
            assertThat(cni.config().networks()).isEmpty();
        }
    }
}
