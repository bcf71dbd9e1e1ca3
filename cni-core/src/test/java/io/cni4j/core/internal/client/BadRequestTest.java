package io.cni4j.core.internal.client;

import static io.cni4j.api.NamespaceOption.arg;
import static io.cni4j.api.NamespaceOption.capability;
import static io.cni4j.api.NamespaceOption.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cni4j.api.Cni;
import io.cni4j.api.CniError;
import io.cni4j.api.CniException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.JsonText;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NamespaceOption;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-call input that would break CNI_ARGS, the environment or the cache path, and capability values
 * that are not JSON: every one is refused by setup, setupSerially, check and remove with an
 * {@link InvalidRequestException} carrying the spec's code, before any plugin runs.
 */
class BadRequestTest {

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
        plugins = new FakePluginExecutor().register("bridge", bridge).register("portmap", FakePlugins.passThrough());
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = dir.resolve("cache");
        plugins.installPlaceholders(pluginDir);
        Files.writeString(confDir.resolve("10-net.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":["
                + "{\"type\":\"bridge\"},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true,\"x\":true}}]}");
    }

    private Cni client(String prefix) throws Exception {
        Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(cacheDir).interfacePrefix(prefix).build();
        cni.load(LoadOption.defaultConf());
        return cni;
    }

    /** One facade operation. */
    @FunctionalInterface
    interface Operation {
        void run(Cni cni, String id, String netns, NamespaceOption... options) throws Exception;
    }

    private static final Map<String, Operation> OPERATIONS = Map.of(
            "setup", Cni::setup,
            "setupSerially", Cni::setupSerially,
            "check", Cni::check,
            "remove", Cni::remove);

    /**
     * Runs every operation and asserts each is refused with {@code code}; then that no plugin ran and
     * nothing was cached.
     */
    private void assertRefusedEverywhere(String prefix, String id, String netns, long code, NamespaceOption... options)
            throws Exception {
        try (Cni cni = client(prefix)) {
            for (Map.Entry<String, Operation> op : OPERATIONS.entrySet()) {
                Throwable thrown = catchThrowable(() -> op.getValue().run(cni, id, netns, options));
                assertThat(thrown).as(op.getKey()).isInstanceOf(InvalidRequestException.class);
                assertThat(((InvalidRequestException) thrown).code()).as(op.getKey() + ": " + thrown.getMessage())
                        .isEqualTo(code);
            }
        }
        assertThat(plugins.recorder().invocations()).as("plugin runs").isEmpty();
        assertThat(cacheDir).doesNotExist();
    }

    static Stream<Arguments> badContainerIds() {
        return Stream.of(
                Arguments.of("", CniError.UNKNOWN_CONTAINER),
                Arguments.of("../x", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("..", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a/b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a\\b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a;b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a=b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a\u0000b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a\nb", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a b", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("-a", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of(".tmp-x", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("caf\u00e9", CniError.INVALID_ENVIRONMENT_VARIABLES),
                Arguments.of("a\u202eb", CniError.INVALID_ENVIRONMENT_VARIABLES));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badContainerIds")
    @DisplayName("container ids that break the cache path, CNI_ARGS or the environment")
    void containerIds(String id, int code) throws Exception {
        assertRefusedEverywhere("eth", id, NS, code);
    }

    static Stream<String> badPrefixes() {
        return Stream.of("a/", "a:", "a ", "a\t", "a\u0000", "a\n", "\u00a0", "x".repeat(15), "\u00fc".repeat(8),
                "a\u2028", "\ud800", "a\udc00");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badPrefixes")
    @DisplayName("interface prefixes that make an invalid interface name (separator, space, control, > 15 bytes)")
    void interfacePrefixes(String prefix) throws Exception {
        assertRefusedEverywhere(prefix, "c1", NS, CniError.INVALID_ENVIRONMENT_VARIABLES);
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of("a;b", "1"), Arguments.of("a=b", "1"), Arguments.of("a", "x;y"), Arguments.of("a", "x=y"),
                Arguments.of("a\u0000", "1"), Arguments.of("a", "1\u0000"), Arguments.of("", "1"),
                Arguments.of("IgnoreUnknown", "1;K8S_POD_NAME=evil"), Arguments.of("a", "\ud800"),
                Arguments.of("\udc00", "1"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"=\"{1}\"")
    @MethodSource("badArgs")
    @DisplayName("labels and args with ';', '=' or NUL, or an empty key")
    void labelsAndArgs(String key, String value) throws Exception {
        assertRefusedEverywhere("eth", "c1", NS, CniError.INVALID_ENVIRONMENT_VARIABLES, label(key, value));
        assertRefusedEverywhere("eth", "c1", NS, CniError.INVALID_ENVIRONMENT_VARIABLES, arg(key, value));
        assertRefusedEverywhere("eth", "c1", NS, CniError.INVALID_ENVIRONMENT_VARIABLES,
                NamespaceOption.labels(Map.of(key, value)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/run/netns/c1\u0000/../../etc", "/run/netns/\ud800"})
    @DisplayName("a netns path with NUL or an unpaired surrogate")
    void netnsThatTheEnvironmentCannotCarry(String netns) throws Exception {
        assertRefusedEverywhere("eth", "c1", netns, CniError.INVALID_ENVIRONMENT_VARIABLES);
    }

    static Stream<Arguments> unserialisableCapabilities() {
        List<Object> selfList = new ArrayList<>();
        selfList.add(selfList);
        Map<String, Object> selfMap = new HashMap<>();
        selfMap.put("me", selfMap);
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        a.add(b);
        b.add(a);
        Object deep = "leaf";
        for (int i = 0; i < 300; i++) {
            deep = List.of(deep);
        }
        return Stream.of(
                Arguments.of("a Thread", value(Thread.currentThread())),
                Arguments.of("an Object", value(new Object())),
                Arguments.of("a char array", value(new char[] {'s'})),
                Arguments.of("an Optional", value(java.util.Optional.of("x"))),
                Arguments.of("NaN", value(Double.NaN)),
                Arguments.of("+Infinity", value(Double.POSITIVE_INFINITY)),
                Arguments.of("float -Infinity", value(Float.NEGATIVE_INFINITY)),
                Arguments.of("float NaN in a list", value(List.of(1, Float.NaN))),
                Arguments.of("a Map with a non-String key", value(Map.of(1, "x"))),
                Arguments.of("a Map with a null key", value(nullKeyMap())),
                Arguments.of("a Map whose key is a mutually cyclic list", value(identityMap(a))),
                Arguments.of("a cyclic list", value(selfList)),
                Arguments.of("a cyclic map", value(selfMap)),
                Arguments.of("a list cycle through two lists", value(a)),
                Arguments.of("300 levels of lists", value(deep)),
                Arguments.of("JSON text that is not JSON", value(new JsonText("{\"a\":"))),
                Arguments.of("JSON text with duplicate keys", value(new JsonText("{\"a\":1,\"a\":2}"))),
                Arguments.of("JSON text nested 10,000 levels", value(new JsonText("[".repeat(10_000) + "]".repeat(10_000)))),
                Arguments.of("JSON text with trailing garbage", value(new JsonText("{} x"))));
    }

    /** A map whose key is never hashed or printed while the test is set up. */
    private static Map<Object, Object> identityMap(Object key) {
        Map<Object, Object> m = new java.util.IdentityHashMap<>();
        m.put(key, "x");
        return m;
    }

    private static Map<String, Object> nullKeyMap() {
        Map<String, Object> m = new HashMap<>();
        m.put(null, "x");
        return m;
    }

    /** Hides a value from JUnit's display names: printing a cyclic list overflows the stack. */
    private static java.util.function.Supplier<Object> value(Object value) {
        return () -> value;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unserialisableCapabilities")
    @DisplayName("capability values that are not JSON are refused with code 2, without overflowing the stack")
    void capabilityValues(String what, java.util.function.Supplier<Object> value) throws Exception {
        assertRefusedEverywhere("eth", "c1", NS, CniError.UNSUPPORTED_FIELD, capability("x", value.get()));
    }

    @Test
    @DisplayName("the refusal of a capability value names the capability, not the value")
    void capabilityRefusalNamesTheCapability() throws Exception {
        try (Cni cni = client("eth")) {
            assertThatThrownBy(() -> cni.setup("c1", NS, capability("secretThing", Map.of(7, "s3cr3t"))))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.error().msg()).isEqualTo("capability \"secretThing\" is not a JSON value");
                        assertThat(e.getMessage()).doesNotContain("s3cr3t");
                        assertThat(e.error().details()).doesNotContain("s3cr3t");
                    });
        }
    }

    @Test
    @DisplayName("a valid request after refused ones still works: nothing was left locked or half-done")
    void refusalsLeaveNothingBehind() throws Exception {
        try (Cni cni = client("eth")) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> cni.setup("c1", NS, capability("x", Double.NaN)))
                        .isInstanceOf(CniException.class);
                assertThatThrownBy(() -> cni.setup("../c1", NS)).isInstanceOf(CniException.class);
            }
            cni.setup("c1", NS);
            cni.remove("c1", NS);
            assertThat(((CniClient) cni).containerLockEntries()).isZero();
        }
        assertThat(bridge.allocationCount()).isZero();
    }

    @Test
    @DisplayName("a container id too long for the cache file name is refused by setup before any plugin runs")
    void containerIdTooLongForTheCache() throws Exception {
        String longest = "c".repeat(255 - "net--eth0".length());
        try (Cni cni = client("eth")) {
            for (Operation op : List.<Operation>of(Cni::setup, Cni::setupSerially)) {
                assertThatThrownBy(() -> op.run(cni, longest + "c", NS))
                        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code())
                                .isEqualTo(CniError.INVALID_ENVIRONMENT_VARIABLES))
                        .hasMessageContaining("more than the 255 a file name may have");
            }
            assertThat(plugins.recorder().invocations()).isEmpty();
            cni.setup(longest, NS);
            assertThat(cacheDir.resolve("results/net-" + longest + "-eth0")).exists();
            cni.remove(longest, NS);
        }
        assertThat(cacheDir.resolve("results/net-" + longest + "-eth0")).doesNotExist();
        assertThat(bridge.allocationCount()).isZero();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "a/b", "../x", "..", ".", "a\\u0001b", "a\\nb",
        "a\\u0000b", "a b", "-a", "a;b", "a\\\\b", ".tmp-x"})
    @DisplayName("a network whose name has a separator or control character loads, but every operation refuses it (code 7)")
    void networkNames(String escapedName) throws Exception {
        Files.writeString(confDir.resolve("10-net.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"" + escapedName
                + "\",\"plugins\":[{\"type\":\"bridge\"}]}");
        assertRefusedEverywhere("eth", "c1", NS, CniError.INVALID_NETWORK_CONFIG);
    }

    @Test
    @DisplayName("a non-ASCII interface prefix works where the JVM can encode file names, else is refused before any plugin")
    void nonAsciiInterfacePrefix() throws Exception {
        try (Cni cni = client("\u00fc")) {
            Throwable thrown = catchThrowable(() -> cni.setup("c1", NS));
            if (thrown == null) {
                assertThat(cacheDir.resolve("results/net-c1-\u00fc0")).exists();
                cni.remove("c1", NS);
            } else {
                assertThat(thrown).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(CniError.INVALID_ENVIRONMENT_VARIABLES))
                        .hasMessageContaining("sun.jnu.encoding");
                assertThat(plugins.recorder().invocations()).isEmpty();
            }
        }
        assertThat(bridge.allocationCount()).isZero();
    }
}
