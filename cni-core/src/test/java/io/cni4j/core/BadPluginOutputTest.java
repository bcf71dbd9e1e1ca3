package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cni4j.api.Cni;
import io.cni4j.api.CniException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Result;
import io.cni4j.api.ResultCacheException;
import io.cni4j.api.Verb;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.PluginReply;
import io.cni4j.testkit.RecordedInvocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad plugin output through the facade: a network of {@code bridge} (which allocates an address) and
 * {@code bad} (which prints the output under test). Every case fails the setup with an exception of
 * the API that names the plugin, and the rollback leaves nothing: both plugins got a DEL, the bridge's
 * address is released and no cache file exists.
 */
class BadPluginOutputTest {

    private static final String NS = "/run/netns/c1";

    @TempDir
    Path dir;

    FakePluginExecutor plugins;
    FakeBridgePlugin bridge;
    Path pluginDir;
    Path confDir;
    Path cacheDir;

    @BeforeEach
    void setUp() throws Exception {
        bridge = FakePlugins.bridge("10.22.0.0/16");
        plugins = new FakePluginExecutor().register("bridge", bridge);
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = dir.resolve("cache");
    }

    /** Installs {@code bad} answering ADD with {@code reply} (and DEL with success), and the conflist. */
    private Cni client(String version, PluginReply reply, long maxOutputBytes) throws Exception {
        plugins.register("bad", call -> call.verb() == Verb.ADD ? reply : PluginReply.ok());
        plugins.installPlaceholders(pluginDir);
        Files.writeString(confDir.resolve("10-net.conflist"), "{\"cniVersion\":\"" + version
                + "\",\"name\":\"net\",\"plugins\":[{\"type\":\"bridge\"},{\"type\":\"bad\"}]}");
        Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(cacheDir).maxOutputBytes(maxOutputBytes).build();
        cni.load(LoadOption.defaultConf());
        return cni;
    }

    /** Runs a setup that must fail; checks the rollback left nothing; returns the failure. */
    private CniException failedSetup(String version, PluginReply reply, long maxOutputBytes) throws Exception {
        Throwable thrown;
        try (Cni cni = client(version, reply, maxOutputBytes)) {
            thrown = catchThrowable(() -> cni.setup("c1", NS));
            assertThat(cni.attachments("")).as("cached attachments").isEmpty();
        }
        assertThat(thrown).isInstanceOf(CniException.class);
        assertThat(bridge.allocationCount()).as("addresses left allocated").isZero();
        assertThat(plugins.recorder().invocations(Verb.DEL)).extracting(RecordedInvocation::pluginType)
                .as("rollback").containsExactly("bad", "bridge");
        Path cacheFile = cacheDir.resolve("results/net-c1-eth0");
        assertThat(cacheFile).doesNotExist();
        return (CniException) thrown;
    }

    private void assertInvalidResult(String version, PluginReply reply, String message) throws Exception {
        CniException e = failedSetup(version, reply, 16 << 20);
        assertThat(e).isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("plugin type=\"bad\" network=\"net\" returned an invalid result (add): ")
                .hasMessageContaining(message);
    }

    private static PluginReply printing(String stdout) {
        return PluginReply.raw(0, stdout, "");
    }

    private static PluginReply printing(byte[] stdout) {
        return new PluginReply(0, stdout, new byte[0]);
    }

    /** Fields missing, of the wrong type, invalid CIDRs and IPs: every case of the parser's table, for its version. */
    static Stream<Arguments> badFields() {
        return CniResultsInvalidInputTest.badFields();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFields")
    @DisplayName("a result with a bad field fails the setup naming the plugin and the field")
    void badField(String version, String body, String message) throws Exception {
        assertInvalidResult(version, printing(body), message);
    }

    static Stream<Arguments> notJson() {
        byte[] utf16 = "{\"cniVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_16);
        byte[] latin1 = "{\"cniVersion\":\"1.0.0\",\"dns\":{\"domain\":\"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = "{\"cniVersion\":\"1.0.0\"\u0000}".getBytes(StandardCharsets.UTF_8);
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        return Stream.of(
                Arguments.of("no output at all", new byte[0], "unexpected end of JSON input"),
                Arguments.of("whitespace only", bytes(" \n\t "), "failed to unmarshal raw result"),
                Arguments.of("text", bytes("OK, added eth0"), "failed to unmarshal raw result"),
                Arguments.of("an unfinished object", bytes("{\"cniVersion\":\"1.0.0\",\"ips\":[{"), "failed to unmarshal raw result"),
                Arguments.of("an array", bytes("[]"), "expected a JSON object, got an array"),
                Arguments.of("a string", bytes("\"1.0.0\""), "expected a JSON object, got a string"),
                Arguments.of("a number", bytes("42"), "expected a JSON object, got a number"),
                Arguments.of("a boolean", bytes("true"), "expected a JSON object, got a boolean"),
                Arguments.of("two objects", bytes("{}{}"), "failed to unmarshal raw result"),
                Arguments.of("duplicate keys", bytes("{\"cniVersion\":\"1.0.0\",\"cniVersion\":\"1.0.0\"}"), "Duplicate field"),
                Arguments.of("10,000 levels of nesting", bytes("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                        "nesting depth"),
                Arguments.of("UTF-16", utf16, "not UTF-8"),
                Arguments.of("Latin-1", latin1, "failed to unmarshal raw result"),
                Arguments.of("an overlong UTF-8 sequence", overlong, "failed to unmarshal raw result"),
                Arguments.of("a NUL byte", nul, "failed to unmarshal raw result"),
                Arguments.of("an unknown result version", bytes("{\"cniVersion\":\"0.4567.0\"}"),
                        "unsupported CNI result version \"0.4567.0\""));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("notJson")
    @DisplayName("output that is not one JSON object, in UTF-8, of a known version, fails the setup")
    void notJson(String what, byte[] stdout, String message) throws Exception {
        for (String version : ResultExamples.VERSIONS) {
            setUp();
            assertInvalidResult(version, printing(stdout), message);
        }
    }

    static Stream<Arguments> danglingInterfaceIndexes() {
        return Stream.of(
                Arguments.of("0.3.0", "{\"interfaces\":[{\"name\":\"eth0\"}],\"ips\":[{\"version\":\"4\",\"interface\":1,"
                        + "\"address\":\"10.0.0.2/24\"}]}", 1, 1),
                Arguments.of("0.3.1", "{\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.0.0.2/24\"}]}", 0, 0),
                Arguments.of("0.4.0", "{\"interfaces\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"ips\":[{\"version\":\"6\","
                        + "\"interface\":2147483647,\"address\":\"fd00::2/64\"}]}", 2147483647, 2),
                Arguments.of("1.0.0", "{\"interfaces\":[{\"name\":\"eth0\"}],\"ips\":[{\"interface\":0,"
                        + "\"address\":\"10.0.0.2/24\"},{\"interface\":5,\"address\":\"10.0.0.3/24\"}]}", 5, 1),
                Arguments.of("1.1.0", "{\"ips\":[{\"interface\":0,\"address\":\"10.0.0.2/24\"}]}", 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("danglingInterfaceIndexes")
    @DisplayName("an IP whose interface index names no interface fails the setup naming the plugin (go-cni panics)")
    void danglingInterfaceIndex(String version, String body, int index, int count) throws Exception {
        assertInvalidResult(version, printing(body), "invalid interface config: invalid IP configuration (interface number "
                + index + " is > number of interfaces " + count + ")");
    }

    /** {@code count} IPs, all valid unless {@code lastBad}. */
    private static String manyIps(String version, int count, boolean lastBad) {
        StringBuilder json = new StringBuilder("{\"cniVersion\":\"" + version + "\",\"interfaces\":[{\"name\":\"eth0\"}],\"ips\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            String address = lastBad && i == count - 1 ? "10.300.0.1/16" : "10." + (i >> 16) + "." + ((i >> 8) & 255) + "."
                    + (i & 255) + "/8";
            json.append("{\"version\":\"4\",\"interface\":0,\"address\":\"").append(address).append("\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    @DisplayName("a huge array whose last element is invalid fails naming that element")
    void hugeArrayWithABadLastElement() throws Exception {
        for (String version : List.of("0.4.0", "1.1.0")) {
            setUp();
            assertInvalidResult(version, printing(manyIps(version, 100_000, true)),
                    "ips[99999].address: invalid CIDR address: \"10.300.0.1/16\"");
        }
    }

    @Test
    @DisplayName("a huge valid result whose cache record would pass 4 MiB fails with ResultCacheException, rolled back")
    void hugeResultBeyondTheCacheLimit() throws Exception {
        CniException e = failedSetup("1.0.0", printing(manyIps("1.0.0", 150_000, false)), 16 << 20);
        assertThat(e).isInstanceOf(ResultCacheException.class)
                .hasMessageContaining("failed to set network \"net\" cached result")
                .hasMessageContaining("more than the 4194304 bytes (4 MiB) a cache file may have");
        try (var files = Files.list(cacheDir.resolve("results"))) {
            assertThat(files).as("temp files").isEmpty();
        }
    }

    @Test
    @DisplayName("output beyond maxOutputBytes kills the plugin and fails the setup naming it")
    void outputBeyondTheLimit() throws Exception {
        CniException e = failedSetup("1.0.0", printing(manyIps("1.0.0", 30_000, false)), 1 << 20);
        assertThat(e).isInstanceOfSatisfying(PluginExecutionException.class,
                        p -> assertThat(p.reason()).isEqualTo(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED))
                .hasMessageContaining("plugin type=\"bad\" network=\"net\"");
    }

    @Test
    @DisplayName("a large valid result within every limit is no error: 20,000 addresses set up and removed")
    void largeValidResult() throws Exception {
        try (Cni cni = client("1.1.0", printing(manyIps("1.1.0", 20_000, false)), 16 << 20)) {
            Result r = cni.setup("c1", NS);
            assertThat(r.interfaces().get("eth0").addresses()).hasSize(20_000);
            assertThat(cacheDir.resolve("results/net-c1-eth0")).exists();
            cni.remove("c1", NS);
        }
        assertThat(cacheDir.resolve("results/net-c1-eth0")).doesNotExist();
        assertThat(bridge.allocationCount()).isZero();
    }
}
