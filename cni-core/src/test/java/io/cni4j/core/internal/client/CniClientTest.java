package io.cni4j.core.internal.client;

import static io.cni4j.api.NamespaceOption.arg;
import static io.cni4j.api.NamespaceOption.capability;
import static io.cni4j.api.NamespaceOption.label;
import static io.cni4j.api.NamespaceOption.portMappings;
import static io.cni4j.api.NamespaceOption.timeout;
import static io.cni4j.testkit.CniAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Cni;
import io.cni4j.api.CniConfig;
import io.cni4j.api.CniError;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Result;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.json.Json;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.PluginReply;
import io.cni4j.testkit.RecordedInvocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's go-cni semantics and cni4j's improvements, against the testkit's fake plugins. Seeds are
 * named in the display names; A23 (timeouts) is covered here with fakes and end to end through both real
 * executors by cni-it's {@code TimeoutTest}, A25 (VERSION) here through the facade and in detail by
 * {@code PluginInvokerTest}.
 */
class CniClientTest {

    static final String NS = "/run/netns/c1";

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
        plugins = new FakePluginExecutor()
                .register("bridge", bridge)
                .register("loopback", FakePlugins.loopback())
                .register("portmap", FakePlugins.passThrough())
                .register("tuning", FakePlugins.passThrough());
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = dir.resolve("cache");
        plugins.installPlaceholders(pluginDir);
    }

    Cni.Builder builder() {
        return Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(cacheDir);
    }

    Path conflist(String file, String version, String name, String... pluginJson) throws Exception {
        String json = "{\"cniVersion\":\"" + version + "\",\"name\":\"" + name + "\",\"plugins\":["
                + String.join(",", pluginJson) + "]}";
        return Files.writeString(confDir.resolve(file), json);
    }

    Path cacheFile(String network, String id, String ifName) {
        return cacheDir.resolve("results").resolve(network + "-" + id + "-" + ifName);
    }

    void register(String type, io.cni4j.testkit.FakePlugin plugin) throws Exception {
        plugins.register(type, plugin);
        plugins.installPlaceholders(pluginDir);
    }

    @Test
    @DisplayName("A1: builder defaults are go-cni's")
    void defaults() {
        try (Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).build()) {
            CniConfig c = cni.config();
            assertThat(c.pluginDirs()).containsExactly(Path.of("/opt/cni/bin"));
            assertThat(c.confDir()).isEqualTo(Path.of("/etc/cni/net.d"));
            assertThat(c.cacheDir()).isEqualTo(Path.of("/var/lib/cni"));
            assertThat(c.maxConfNum()).isEqualTo(1);
            assertThat(c.interfacePrefix()).isEqualTo("eth");
            assertThat(c.networks()).isEmpty();
        }
    }

    @Test
    @DisplayName("A2: without load, setup, check and status fail with NotInitializedException")
    void notInitialized() {
        try (Cni cni = builder().build()) {
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOf(NotInitializedException.class);
            assertThatThrownBy(() -> cni.setupSerially("c1", NS)).isInstanceOf(NotInitializedException.class);
            assertThatThrownBy(() -> cni.check("c1", NS)).isInstanceOf(NotInitializedException.class);
            assertThatThrownBy(cni::status).isInstanceOf(NotInitializedException.class);
            assertThat(plugins.recorder().size()).isZero();
        }
    }

    @Test
    @DisplayName("A3: a failed load keeps earlier networks and its cause; status then is not initialized with min 2")
    void partialLoad() {
        try (Cni cni = builder().minNetworkCount(2).build()) {
            assertThatThrownBy(() -> cni.load(LoadOption.loopback(), LoadOption.defaultConf()))
                    .isInstanceOf(LoadException.class)
                    .hasCauseInstanceOf(NotInitializedException.class);
            assertThat(cni.config().networks()).extracting(n -> n.ifName()).containsExactly("lo");
            assertThatThrownBy(cni::status).isInstanceOf(NotInitializedException.class);
        }
    }

    @Test
    @DisplayName("setup merges the results: eth0 from the bridge, lo from loopback, raw per network")
    void setupResult() throws Exception {
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            Result r = cni.setup("c1", NS);
            assertThat(r).hasInterface("eth0").withAddressIn("10.22.0.0/16").withGateway("10.22.0.1");
            assertThat(r).hasInterface("lo").withAddress("127.0.0.1/8");
            assertThat(r.raw()).hasSize(2).allSatisfy(x -> assertThat(x.cniVersion()).isEqualTo("1.1.0"));
            assertThat(r.dns()).hasSize(2);
        }
    }

    @Test
    @DisplayName("A8, A9, A10: stdin carries name, version, filtered runtimeConfig and the chained prevResult; env is complete")
    void requestConfigAndEnv() throws Exception {
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}",
                "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true,\"other\":false}}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, portMappings(List.of(PortMapping.tcp(8080, 80))), capability("other", 33),
                    label("IgnoreUnknown", "1"), arg("K8S_POD_NAME", "web"));
        }
        assertThat(plugins.recorder()).invoked("bridge", Verb.ADD).withoutPrevResult().withoutCapability("portMappings")
                .withConfigAt("/name", "\"net\"").withConfigAt("/cniVersion", "\"1.0.0\"");
        assertThat(plugins.recorder()).invoked("portmap", Verb.ADD).withPrevResult()
                .withCapability("portMappings", "[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]")
                .withoutCapability("other")
                .withEnv("CNI_COMMAND", "ADD").withEnv("CNI_CONTAINERID", "c1").withEnv("CNI_NETNS", NS)
                .withEnv("CNI_IFNAME", "eth0").withEnv("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=web")
                .withEnv("CNI_PATH", pluginDir.toString());
        RecordedInvocation portmap = plugins.recorder().invocations("portmap", Verb.ADD).get(0);
        assertThat(portmap.config().at("/prevResult/ips/0/address").asText()).startsWith("10.22.");
        assertThat(portmap.env()).containsKey("PATH");
    }

    @Test
    @DisplayName("A11: invalid container id, network name and interface name are refused before any plugin runs")
    void validation() throws Exception {
        conflist("10-net.conflist", "1.0.0", "invalid-%%-name", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("some-%%container-id", NS))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(4);
                        assertThat(e.error().msg()).isEqualTo("invalid characters in containerID");
                    });
            assertThatThrownBy(() -> cni.setup("c1", NS))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(7);
                        assertThat(e.error().msg()).isEqualTo("invalid characters found in network name");
                    });
        }
        try (Cni cni = builder().interfacePrefix("a-very-long-prefix").build()) {
            conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.error().msg()).isEqualTo("interface name is too long"));
            assertThatThrownBy(() -> cni.setup("c1", NS, label("A", "x;B=y")))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(plugins.recorder().size()).isZero();
    }

    @Test
    @DisplayName("A13: a successful ADD writes the cniCacheV1 file with base64 config, args and capabilities")
    void cacheWritten() throws Exception {
        Path file = conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, label("IgnoreUnknown", "1"), capability("x", Map.of("k", "v")));
        }
        var cached = Json.parse(Files.readAllBytes(cacheFile("net", "c1", "eth0")));
        assertThat(cached.get("kind").asText()).isEqualTo("cniCacheV1");
        assertThat(new String(java.util.Base64.getDecoder().decode(cached.get("config").asText())))
                .isEqualTo(Files.readString(file));
        assertThat(cached.get("cniArgs").toString()).isEqualTo("[[\"IgnoreUnknown\",\"1\"]]");
        assertThat(cached.get("capabilityArgs").toString()).isEqualTo("{\"x\":{\"k\":\"v\"}}");
        assertThat(cached.get("netns").asText()).isEqualTo(NS);
        assertThat(cached.at("/result/ips/0/address").asText()).startsWith("10.22.");
    }

    @Test
    @DisplayName("A12 + rollback: a failing second plugin leaves no cache file and the first plugin's work is removed")
    void rollbackOnFailure() throws Exception {
        register("firewall", FakePlugins.failing(Verb.ADD, 7, "bad config", "no backend"));
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"firewall\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOfSatisfying(PluginErrorException.class, e -> {
                assertThat(e.code()).isEqualTo(7);
                assertThat(e.pluginType()).isEqualTo("firewall");
                assertThat(e.verb()).isEqualTo(Verb.ADD);
                assertThat(e.getMessage()).contains("bad config; no backend");
            });
        }
        assertThat(cacheFile("net", "c1", "eth0")).doesNotExist();
        assertThat(bridge.allocationCount()).isZero();
        assertThat(plugins.recorder()).invokedInOrder(Verb.DEL, "firewall", "bridge");
    }

    @Test
    @DisplayName("rollback goes on past a plugin whose DEL fails too: the first plugin's work is still removed and "
            + "the DEL failure is suppressed (a plain remove stops at it, as libcni's DEL does)")
    void rollbackPastFailingDel() throws Exception {
        register("firewall", FakePlugins.replying(PluginReply.raw(1, "{\"code\":7,\"msg\":\"broken\"}", "")));
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"firewall\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOfSatisfying(PluginErrorException.class, e -> {
                assertThat(e.verb()).isEqualTo(Verb.ADD);
                assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(PluginErrorException.class, s -> {
                    assertThat(s.pluginType()).isEqualTo("firewall");
                    assertThat(s.verb()).isEqualTo(Verb.DEL);
                });
            });
            assertThat(plugins.recorder()).invokedInOrder(Verb.DEL, "firewall", "bridge");
            assertThat(bridge.allocationCount()).isZero();
            assertThat(cacheFile("net", "c1", "eth0")).doesNotExist();

            plugins.recorder().clear();
            assertThatThrownBy(() -> cni.remove("c1", NS)).isInstanceOf(PluginErrorException.class);
            assertThat(plugins.recorder()).notInvoked("bridge", Verb.DEL);
        }
    }

    @Test
    @DisplayName("with rollback off, a failed setup leaves the first plugin's work, and remove cleans it")
    void noRollback() throws Exception {
        register("firewall", FakePlugins.failing(Verb.ADD, 7, "bad config", ""));
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"firewall\"}");
        try (Cni cni = builder().rollbackOnFailure(false).build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOf(PluginErrorException.class);
            assertThat(bridge.allocationCount()).isEqualTo(1);
            assertThat(plugins.recorder()).notInvoked("bridge", Verb.DEL);
            cni.remove("c1", NS);
            assertThat(bridge.allocationCount()).isZero();
        }
    }

    @Test
    @DisplayName("parallel setup: one failing network rolls back the networks that succeeded")
    void parallelRollback() throws Exception {
        register("broken", FakePlugins.failing(Verb.ADD, 11, "try again later", ""));
        conflist("10-a.conflist", "1.0.0", "a", "{\"type\":\"bridge\"}");
        conflist("20-b.conflist", "1.0.0", "b", "{\"type\":\"broken\"}");
        try (Cni cni = builder().maxConfNum(2).build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS)).isInstanceOfSatisfying(PluginErrorException.class,
                    e -> assertThat(e.code()).isEqualTo(CniError.TRY_AGAIN_LATER));
        }
        assertThat(bridge.allocationCount()).isZero();
        assertThat(cacheFile("a", "c1", "eth0")).doesNotExist();
    }

    @Test
    @DisplayName("setupSerially stops at the first failing network; later networks are never attempted")
    void serialStops() throws Exception {
        register("broken", FakePlugins.failing(Verb.ADD, 7, "nope", ""));
        conflist("10-a.conflist", "1.0.0", "a", "{\"type\":\"broken\"}");
        conflist("20-b.conflist", "1.0.0", "b", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().maxConfNum(2).build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setupSerially("c1", NS)).isInstanceOf(PluginErrorException.class);
        }
        assertThat(plugins.recorder()).notInvoked("bridge", Verb.ADD);
    }

    @Test
    @DisplayName("A14: DEL runs in reverse order with the cached prevResult and deletes the cache file")
    void delReverseWithCache() throws Exception {
        conflist("10-net.conflist", "0.4.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"portmap\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS);
            assertThat(cacheFile("net", "c1", "eth0")).exists();
            cni.remove("c1", NS);
        }
        assertThat(plugins.recorder()).invokedInOrder(Verb.DEL, "portmap", "bridge");
        assertThat(plugins.recorder()).invoked("portmap", Verb.DEL).withPrevResult();
        assertThat(plugins.recorder()).invoked("bridge", Verb.DEL).withPrevResult();
        assertThat(cacheFile("net", "c1", "eth0")).doesNotExist();
    }

    @Test
    @DisplayName("A14: below 0.4.0 DEL sends no prevResult; an invalid cache file is tolerated and deleted")
    void delOldVersionAndBadCache() throws Exception {
        conflist("10-net.conflist", "0.3.1", "net", "{\"type\":\"bridge\"}");
        conflist("20-new.conflist", "1.0.0", "new", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().maxConfNum(2).build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS);
            Files.writeString(cacheFile("new", "c1", "eth1"), "{not json");
            cni.remove("c1", NS);
        }
        assertThat(plugins.recorder().invocations("bridge", Verb.DEL))
                .allSatisfy(i -> assertThat(i.config().has("prevResult")).isFalse());
        assertThat(cacheFile("new", "c1", "eth1")).doesNotExist();
        assertThat(bridge.allocationCount()).isZero();
    }

    @Test
    @DisplayName("A14: a failing DEL keeps the cache file so that remove can be retried")
    void failedDelKeepsCache() throws Exception {
        AtomicInteger dels = new AtomicInteger();
        register("flaky", call -> call.verb() == Verb.DEL && dels.incrementAndGet() == 1
                ? PluginReply.error("1.0.0", 11, "busy", "") : PluginReply.ok(call.prevResult() == null
                ? Json.object() : call.prevResult()));
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"flaky\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS);
            assertThatThrownBy(() -> cni.remove("c1", NS)).isInstanceOf(PluginErrorException.class);
            assertThat(cacheFile("net", "c1", "eth0")).exists();
            cni.remove("c1", NS);
            assertThat(cacheFile("net", "c1", "eth0")).doesNotExist();
            assertThat(bridge.allocationCount()).isZero();
        }
    }

    @Test
    @DisplayName("remove works from the cache after the network's file is gone and the client reloaded")
    void removeFromCache() throws Exception {
        Path file = conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, label("IgnoreUnknown", "1"));
        }
        Files.delete(file);
        try (Cni fresh = builder().build()) {
            fresh.remove("c1", "");
        }
        assertThat(bridge.allocationCount()).isZero();
        assertThat(cacheFile("net", "c1", "eth0")).doesNotExist();
        assertThat(plugins.recorder()).invoked("bridge", Verb.DEL).withEnv("CNI_NETNS", NS)
                .withEnv("CNI_ARGS", "IgnoreUnknown=1").withPrevResult();
    }

    @Test
    @DisplayName("A29: remove tries every network, tolerates 'not found' in the plugin's message, reports the rest")
    void removeAggregates() throws Exception {
        register("gone", FakePlugins.failing(Verb.DEL, 0, "link not found", ""));
        register("bad", FakePlugins.failing(Verb.DEL, 5, "disk on fire", ""));
        register("worse", FakePlugins.failing(Verb.DEL, 6, "cannot decode", ""));
        conflist("10-a.conflist", "1.0.0", "a", "{\"type\":\"gone\"}");
        conflist("20-b.conflist", "1.0.0", "b", "{\"type\":\"bad\"}");
        conflist("30-c.conflist", "1.0.0", "c", "{\"type\":\"worse\"}");
        conflist("40-d.conflist", "1.0.0", "d", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().maxConfNum(0).build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS);
            assertThatThrownBy(() -> cni.remove("c1", NS)).isInstanceOfSatisfying(PluginErrorException.class, e -> {
                assertThat(e.pluginType()).isEqualTo("bad");
                assertThat(e.getSuppressed()).hasSize(1);
                assertThat(((PluginErrorException) e.getSuppressed()[0]).pluginType()).isEqualTo("worse");
            });
        }
        assertThat(plugins.recorder()).invoked("bridge", Verb.DEL);
        assertThat(bridge.allocationCount()).isZero();
    }

    @Test
    @DisplayName("A15: check skips networks below 0.4.0 (loopback) unless strict; disableCheck runs no plugin")
    void checkGating() throws Exception {
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            cni.setup("c1", NS);
            cni.check("c1", NS);
        }
        assertThat(plugins.recorder()).invoked("bridge", Verb.CHECK).withPrevResult();
        assertThat(plugins.recorder()).notInvoked("loopback", Verb.CHECK);
        try (Cni strict = builder().strictCheck(true).build()) {
            strict.load(LoadOption.loopback(), LoadOption.defaultConf());
            assertThatThrownBy(() -> strict.check("c1", NS)).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("configuration version \"0.3.1\" does not support the CHECK command");
        }
        plugins.recorder().clear();
        Files.writeString(confDir.resolve("10-net.conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"disableCheck\":true,\"plugins\":[{\"type\":\"bridge\"}]}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.check("c1", NS);
        }
        assertThat(plugins.recorder()).hasNoInvocations();
    }

    @Test
    @DisplayName("A15: an invalid cache makes check fail clearly")
    void checkBadCache() throws Exception {
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS);
            Files.writeString(cacheFile("net", "c1", "eth0"), "{\"cniVersion\":\"0.4567.0\"}");
            assertThatThrownBy(() -> cni.check("c1", NS)).isInstanceOf(io.cni4j.api.ResultCacheException.class)
                    .hasMessageContaining("failed to get network \"net\" cached result")
                    .hasMessageContaining("unsupported CNI result version \"0.4567.0\"");
        }
    }

    @Test
    @DisplayName("A16: status runs only 1.1.0 networks, in order, and stops at the first error keeping code 50")
    void status() throws Exception {
        register("sick", FakePlugins.failing(Verb.STATUS, 50, "plugin not available", ""));
        conflist("10-old.conflist", "1.0.0", "old", "{\"type\":\"bridge\"}");
        conflist("20-new.conflist", "1.1.0", "new", "{\"type\":\"tuning\"}", "{\"type\":\"sick\"}",
                "{\"type\":\"portmap\"}");
        try (Cni cni = builder().maxConfNum(0).build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(cni::status).isInstanceOfSatisfying(PluginErrorException.class, e -> {
                assertThat(e.code()).isEqualTo(CniError.PLUGIN_NOT_AVAILABLE);
                assertThat(e.verb()).isEqualTo(Verb.STATUS);
            });
        }
        assertThat(plugins.recorder()).notInvoked("bridge", Verb.STATUS).notInvoked("portmap", Verb.STATUS);
        assertThat(plugins.recorder()).invoked("tuning", Verb.STATUS).withEnv("CNI_CONTAINERID", "");
    }

    @Test
    @DisplayName("A23 D4: status has a timeout: a hanging plugin is killed and the call fails with CniTimeoutException")
    void statusTimeout() throws Exception {
        register("hang", FakePlugins.slow(Duration.ofMinutes(5)));
        conflist("10-net.conflist", "1.1.0", "net", "{\"type\":\"hang\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.status(Duration.ofMillis(200))).isInstanceOf(CniTimeoutException.class);
        }
    }

    @Test
    @DisplayName("A17: gc deletes stale attachments only and sends GC with both attachment keys on 1.1.0")
    void gc() throws Exception {
        conflist("10-net.conflist", "1.1.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("keep", "/run/netns/keep");
            cni.setup("stale", "/run/netns/stale");
            cni.gc(List.of(new GcAttachment("keep", "eth0")));
        }
        assertThat(plugins.recorder().invocations("bridge", Verb.DEL)).singleElement()
                .satisfies(i -> assertThat(i.env()).containsEntry("CNI_CONTAINERID", "stale"));
        RecordedInvocation gc = plugins.recorder().invocations("bridge", Verb.GC).get(0);
        assertThat(gc.config().get("cni.dev/valid-attachments").toString())
                .isEqualTo("[{\"containerID\":\"keep\",\"ifname\":\"eth0\"}]");
        assertThat(gc.config().get("cni.dev/attachments")).isEqualTo(gc.config().get("cni.dev/valid-attachments"));
        assertThat(cacheFile("net", "keep", "eth0")).exists();
        assertThat(cacheFile("net", "stale", "eth0")).doesNotExist();
        assertThat(bridge.allocationCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("gc deletes the result cache's stale temp files (a writer killed mid-write) and keeps young ones")
    void gcDeletesStaleTempFiles() throws Exception {
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("keep", NS);
            Path results = cacheDir.resolve("results");
            Path stale = Files.writeString(results.resolve(".tmp-net-dead-eth0-5e6f"), "{\"kind\":\"cniCacheV1\",");
            Path young = Files.writeString(results.resolve(".tmp-net-busy-eth0-7a8b"), "{");
            Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(java.time.Duration.ofHours(1))));

            cni.gc(List.of(new GcAttachment("keep", "eth0")));

            assertThat(stale).doesNotExist();
            assertThat(young).exists();
            assertThat(cacheFile("net", "keep", "eth0")).exists();
        }
    }

    @Test
    @DisplayName("A17: disableGC makes gc a no-op")
    void gcDisabled() throws Exception {
        Files.writeString(confDir.resolve("10-net.conflist"),
                "{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"disableGC\":\"true\",\"plugins\":[{\"type\":\"bridge\"}]}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("stale", NS);
            cni.gc(List.of());
        }
        assertThat(plugins.recorder()).notInvoked("bridge", Verb.DEL).notInvoked("bridge", Verb.GC);
    }

    @Test
    @DisplayName("A23: a per-call timeout kills a slow plugin with CniTimeoutException; cancelling an async setup "
            + "interrupts it")
    void timeoutsAndCancel() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        register("slow", call -> {
            if (call.verb() == Verb.ADD) {
                started.countDown();
                call.sleep(Duration.ofMinutes(5));
            }
            return PluginReply.ok(Json.object());
        });
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"slow\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", NS, timeout(Duration.ofMillis(200))))
                    .isInstanceOf(CniTimeoutException.class);
            CompletableFuture<Result> f = cni.setupAsync("c2", NS);
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
            f.cancel(true);
            waitUntil(() -> plugins.recorder().invocations("slow", Verb.ADD).size() == 2);
            assertThat(plugins.recorder().invocations("slow", Verb.ADD).get(1).failure())
                    .isInstanceOf(InterruptedException.class);
            waitUntil(() -> plugins.recorder().invocations("slow", Verb.DEL).size() == 2);
        }
    }

    @Test
    @DisplayName("async twins complete exceptionally with the API's exception types")
    void asyncErrors() throws Exception {
        try (Cni cni = builder().build()) {
            CompletableFuture<Result> f = cni.setupAsync("c1", NS);
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(NotInitializedException.class);
        }
    }

    @Test
    @DisplayName("A30: load concurrent with setups neither deadlocks nor tears a setup")
    void loadDuringSetups() throws Exception {
        register("slowbridge", FakePlugins.slow(Duration.ofMillis(20), bridge));
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"slowbridge\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            List<CompletableFuture<Result>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(cni.setupAsync("c" + i, "/run/netns/c" + i));
                cni.load(LoadOption.defaultConf());
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(futures).allSatisfy(f -> assertThat(f.get()).hasInterface("eth0"));
        }
        assertThat(bridge.allocationCount()).isEqualTo(20);
    }

    @Test
    @DisplayName("operations on one container never overlap; different containers run in parallel")
    void perContainerSerialisation() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSame = new AtomicInteger();
        CountDownLatch both = new CountDownLatch(2);
        AtomicInteger maxAll = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> perContainer = new java.util.concurrent.ConcurrentHashMap<>();
        register("probe", call -> {
            AtomicInteger mine = perContainer.computeIfAbsent(call.containerId(), k -> new AtomicInteger());
            maxSame.accumulateAndGet(mine.incrementAndGet(), Math::max);
            maxAll.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (call.verb() == Verb.ADD) {
                    both.countDown();
                    both.await(2, TimeUnit.SECONDS);
                }
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.decrementAndGet();
                inFlight.decrementAndGet();
            }
            return PluginReply.ok(call.prevResult() == null ? Json.object() : call.prevResult());
        });
        conflist("10-net.conflist", "1.0.0", "net", "{\"type\":\"bridge\"}", "{\"type\":\"probe\"}");
        try (Cni cni = builder().build()) {
            cni.load(LoadOption.defaultConf());
            List<CompletableFuture<?>> fs = new ArrayList<>();
            fs.add(cni.setupAsync("a", NS));
            fs.add(cni.setupAsync("b", NS));
            fs.add(cni.checkAsync("a", NS));
            fs.add(cni.removeAsync("a", NS));
            for (CompletableFuture<?> f : fs) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException ignored) {
                    // check may run before or after setup; only overlap matters here
                }
            }
            assertThat(maxSame.get()).isEqualTo(1);
            assertThat(maxAll.get()).isEqualTo(2);
            assertThat(((CniClient) cni).containerLockEntries()).isZero();
        }
    }

    @Test
    @DisplayName("A25: versionInfo runs the plugin's VERSION with the dummy environment; a missing plugin is a "
            + "clear error")
    void versionInfo() throws Exception {
        register("old", FakePlugins.withVersions(FakePlugins.passThrough(), "0.3.1", "0.4.0"));
        try (Cni cni = builder().build()) {
            assertThat(cni.versionInfo("old").supportedVersions()).containsExactly("0.3.1", "0.4.0");
            assertThatThrownBy(() -> cni.versionInfo("nope"))
                    .isInstanceOf(io.cni4j.api.PluginExecutionException.class)
                    .hasMessageContaining("failed to find plugin \"nope\"");
        }
        assertThat(plugins.recorder()).invoked("old", Verb.VERSION).withEnv("CNI_NETNS", "dummy")
                .withConfigAt("/cniVersion", "\"1.1.0\"");
    }

    @Test
    @DisplayName("a closed client refuses new calls")
    void closed() {
        Cni cni = builder().build();
        cni.close();
        cni.close();
        assertThatThrownBy(() -> cni.load(LoadOption.loopback())).isInstanceOf(IllegalStateException.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
