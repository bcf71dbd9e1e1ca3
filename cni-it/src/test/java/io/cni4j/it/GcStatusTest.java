package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.CniError;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * CNI 1.1 STATUS and GC, with each real executor. Debian's plugins predate spec 1.1, so the 1.1.0
 * networks are POSIX shell plugins run by the executor under test; each records its environment in a
 * log and its stdin in a numbered file. The last test GCs Debian's bridge network (1.0.0: stale
 * attachments are deleted, no GC verb is sent).
 */
class GcStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private RealNetwork net;
    private Path log;
    private Path stdins;

    @BeforeEach
    void setUp() throws IOException {
        log = tmp.resolve("calls.log");
        stdins = Files.createDirectories(tmp.resolve("stdin"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    /**
     * Writes a recording script plugin. It logs {@code <type> <verb> id=.. if=.. netns=.. args=..}, keeps its
     * stdin as {@code NNN-<type>-<verb>.json}, runs {@code cases} (shell {@code case} branches on
     * {@code $CNI_COMMAND}, e.g. {@code STATUS) ...; exit 1;;}) and otherwise answers ADD with a 1.1.0 result.
     */
    private void plugin(String type, String cases) throws IOException {
        net.dirs().writeScriptPlugin(type, """
                in=$(cat)
                n=$(ls '%2$s' | wc -l)
                printf '%%s\\n' "$in" > "%2$s/$(printf '%%03d' "$n")-%1$s-$CNI_COMMAND.json"
                echo "%1$s $CNI_COMMAND id=$CNI_CONTAINERID if=$CNI_IFNAME netns=$CNI_NETNS args=$CNI_ARGS" >> '%3$s'
                case "$CNI_COMMAND" in
                %4$s
                ADD) echo '{"cniVersion":"1.1.0","interfaces":[{"name":"'"$CNI_IFNAME"'","sandbox":"'"$CNI_NETNS"'"}],"ips":[{"address":"10.250.0.7/24","interface":0}]}' ;;
                esac
                exit 0""".formatted(type, stdins, log, cases));
    }

    private Cni scriptClient() {
        return Cni4j.newBuilder()
                .executorProvider(net.provider())
                .pluginDirs(List.of(net.dirs().pluginDir()))
                .confDir(net.dirs().confDir())
                .cacheDir(net.cacheDir())
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The stdin of each call of a plugin with a verb, in call order. */
    private List<JsonNode> stdinOf(String type, String verb) throws IOException {
        try (Stream<Path> files = Files.list(stdins)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + type + "-" + verb + ".json")).sorted()
                    .map(f -> {
                        try {
                            return JSON.readTree(f.toFile());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    @ForEachExecutor
    @DisplayName("A10 A16: STATUS runs a 1.1.0 network's plugins in order with CNI_COMMAND=STATUS, stops at the first "
            + "error, and its code 50 surfaces; a 1.0.0 network runs nothing")
    void status(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        plugin("ready", "");
        plugin("notready", """
                STATUS) echo '{"cniVersion":"1.1.0","code":50,"msg":"backend not ready","details":"no leases yet"}'; exit 1 ;;""");
        plugin("never", "");
        net.dirs().writeConflist("10-status", """
                {"cniVersion":"1.1.0","name":"st-net","plugins":[{"type":"ready"},{"type":"notready"},{"type":"never"}]}""");
        net.dirs().writeConflist("20-old", """
                {"cniVersion":"1.0.0","name":"st-old","plugins":[{"type":"never"}]}""");

        try (Cni cni = scriptClient()) {
            cni.load(LoadOption.confListFile(net.dirs().confDir().resolve("10-status.conflist")));

            PluginErrorException e = catchThrowableOfType(PluginErrorException.class, cni::status);

            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo(CniError.PLUGIN_NOT_AVAILABLE);
            assertThat(e.pluginType()).isEqualTo("notready");
            assertThat(e.verb()).isEqualTo(Verb.STATUS);
            assertThat(e.network()).isEqualTo("st-net");
            assertThat(e.error().msg()).isEqualTo("backend not ready");
            assertThat(e.error().details()).isEqualTo("no leases yet");
            assertThat(calls()).containsExactly(
                    "ready STATUS id= if= netns= args=",
                    "notready STATUS id= if= netns= args=");
            JsonNode stdin = stdinOf("ready", "STATUS").get(0);
            assertThat(stdin.path("name").asText()).isEqualTo("st-net");
            assertThat(stdin.path("cniVersion").asText()).isEqualTo("1.1.0");
            assertThat(stdin.path("type").asText()).isEqualTo("ready");
            assertThat(stdin.has("prevResult")).isFalse();

            // the async twin fails with the same exception
            assertThat(cni.statusAsync()).failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(PluginErrorException.class);

            Files.delete(log);
            cni.load(LoadOption.confListFile(net.dirs().confDir().resolve("20-old.conflist")));
            cni.status();
            assertThat(calls()).isEmpty();
        }
    }

    @ForEachExecutor
    @DisplayName("A10 A14 A17 A18: GC deletes the stale cached attachments (DEL in reverse with the cached prevResult, "
            + "netns and args) and sends GC to every plugin with cni.dev/valid-attachments")
    void gc(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        plugin("alpha", "");
        plugin("beta", "");
        net.dirs().writeConflist("10-gc", """
                {"cniVersion":"1.1.0","name":"gc-net","plugins":[{"type":"alpha"},{"type":"beta"}]}""");

        try (Cni cni = scriptClient()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", "/run/netns/gc-c1");
            cni.setup("c2", "/run/netns/gc-c2", label("K8S_POD_NAME", "stale"));
            cni.setup("c3", "/run/netns/gc-c3");
            assertThat(cni.attachments("")).extracting(CachedAttachment::containerId).containsExactly("c1", "c2", "c3");
            Files.delete(log);

            cni.gc(List.of(new GcAttachment("c1", "eth0"), new GcAttachment("c3", "eth0")));

            assertThat(calls()).containsExactly(
                    "beta DEL id=c2 if=eth0 netns=/run/netns/gc-c2 args=K8S_POD_NAME=stale",
                    "alpha DEL id=c2 if=eth0 netns=/run/netns/gc-c2 args=K8S_POD_NAME=stale",
                    "alpha GC id= if= netns= args=",
                    "beta GC id= if= netns= args=");
            JsonNode del = stdinOf("beta", "DEL").get(0);
            assertThat(del.path("prevResult").path("ips").path(0).path("address").asText()).isEqualTo("10.250.0.7/24");
            assertThat(del.path("prevResult").path("interfaces").path(0).path("sandbox").asText())
                    .isEqualTo("/run/netns/gc-c2");
            for (String type : List.of("alpha", "beta")) {
                JsonNode gc = stdinOf(type, "GC").get(0);
                assertThat(gc.path("name").asText()).isEqualTo("gc-net");
                assertThat(gc.path("cniVersion").asText()).isEqualTo("1.1.0");
                assertThat(gc.has("prevResult")).isFalse();
                JsonNode expected = JSON.readTree("""
                        [{"containerID":"c1","ifname":"eth0"},{"containerID":"c3","ifname":"eth0"}]""");
                assertThat(gc.get("cni.dev/valid-attachments")).isEqualTo(expected);
                assertThat(gc.get("cni.dev/attachments")).isEqualTo(expected);
            }
            assertThat(cni.attachments("")).extracting(CachedAttachment::containerId).containsExactly("c1", "c3");
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly("gc-net-c1-eth0", "gc-net-c3-eth0");
        }
    }

    @ForEachExecutor
    @DisplayName("A17: GC goes on past failures and reports them all: a stale attachment whose DEL fails keeps its cache "
            + "file, the others are deleted, every plugin gets GC; disableGC runs nothing")
    void gcAggregatesFailures(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        plugin("alpha", """
                GC) echo '{"cniVersion":"1.1.0","code":11,"msg":"busy"}'; exit 1 ;;""");
        plugin("beta", """
                DEL) if [ "$CNI_CONTAINERID" = stuck ]; then echo '{"cniVersion":"1.1.0","code":5,"msg":"device busy"}'; exit 1; fi ;;""");
        net.dirs().writeConflist("10-gc", """
                {"cniVersion":"1.1.0","name":"gc-net","plugins":[{"type":"alpha"},{"type":"beta"}]}""");
        net.dirs().writeConflist("20-nogc", """
                {"cniVersion":"1.1.0","name":"nogc-net","disableGC":true,"plugins":[{"type":"alpha"}]}""");

        try (Cni cni = scriptClient()) {
            cni.load(LoadOption.allConf());
            cni.setup("stuck", "/run/netns/stuck");
            cni.setup("gone", "/run/netns/gone");
            Files.delete(log);

            PluginErrorException e = catchThrowableOfType(PluginErrorException.class, () -> cni.gc(List.of()));

            assertThat(e).isNotNull();
            assertThat(e.pluginType()).isEqualTo("beta");
            assertThat(e.verb()).isEqualTo(Verb.DEL);
            assertThat(e.code()).isEqualTo(CniError.IO_FAILURE);
            assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(PluginErrorException.class, s -> {
                assertThat(s.pluginType()).isEqualTo("alpha");
                assertThat(s.verb()).isEqualTo(Verb.GC);
                assertThat(s.code()).isEqualTo(CniError.TRY_AGAIN_LATER);
            });
            assertThat(calls()).containsExactly(
                    "beta DEL id=gone if=eth0 netns=/run/netns/gone args=",
                    "alpha DEL id=gone if=eth0 netns=/run/netns/gone args=",
                    "beta DEL id=stuck if=eth0 netns=/run/netns/stuck args=",
                    "alpha GC id= if= netns= args=",
                    "beta GC id= if= netns= args=");
            // nogc-net's attachments stay: disableGC
            assertThat(HostState.cacheFiles(net.cacheDir()))
                    .containsExactly("gc-net-stuck-eth0", "nogc-net-gone-eth1", "nogc-net-stuck-eth1");
        }
    }

    @ForEachExecutor
    @DisplayName("A17: GC of Debian's bridge network (1.0.0): the stale container's veth, address, reservation, "
            + "firewall rules and cache file are gone; the valid one is untouched")
    void gcRealBridge(String executor) throws Exception {
        RealNetwork.requireRealNetworking();
        net = RealNetwork.under(tmp, executor);
        net.dirs().writeConflist("10-gc", """
                {"cniVersion":"1.0.0","name":"it-gc","plugins":[%s,{"type":"firewall"}]}"""
                .formatted(net.bridge(net.lan(6))));
        Path keep = net.netns("gc-keep");
        Path stale = net.netns("gc-stale");
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            String keepIp = cni.setup("gc-keep", keep.toString()).interfaces().get("eth0").addresses().get(0).ip()
                    .getHostAddress();
            String staleIp = cni.setup("gc-stale", stale.toString()).interfaces().get("eth0").addresses().get(0).ip()
                    .getHostAddress();
            assertThat(HostState.ipv4In(stale, "eth0")).containsExactly(staleIp + "/24");

            cni.gc(List.of(new GcAttachment("gc-keep", "eth0"), new GcAttachment("gc-keep", "lo")));

            assertThat(HostState.linkIn(stale, "eth0")).isEmpty();
            assertThat(HostState.linkIn(stale, "lo")).doesNotContain(",UP");
            assertThat(HostState.iptables("filter")).noneMatch(l -> l.contains(staleIp + "/32"))
                    .contains("-A CNI-FORWARD -s " + keepIp + "/32 -j ACCEPT");
            assertThat(HostState.reservations(net.dataDir(), "it-gc")).containsExactly(keepIp);
            assertThat(HostState.ipv4In(keep, "eth0")).containsExactly(keepIp + "/24");
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly("cni-loopback-gc-keep-lo", "it-gc-gc-keep-eth0");

            cni.remove("gc-keep", keep.toString());
        }
        assertThat(HostState.reservations(net.dataDir(), "it-gc")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }
}
