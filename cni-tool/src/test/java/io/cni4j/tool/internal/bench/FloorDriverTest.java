package io.cni4j.tool.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.Cni4j;
import io.cni4j.tool.internal.host.BridgeNetwork;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The floor sends the plugins what the engine sends them: the same executables in the same order,
 * the same environment, the same stdin (compared as JSON), for every verb. Checked with a scripted
 * executor that answers like the real plugins.
 */
class FloorDriverTest {

    @TempDir
    Path dir;

    /** One plugin run as the executor saw it. */
    record Call(String plugin, List<String> env, JsonNode stdin) {
    }

    /** Answers like loopback, bridge and portmap would; records every run. */
    static final class ScriptedExecutor implements PluginExecutor {
        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        Function<ExecRequest, Optional<ExecResult>> override = r -> Optional.empty();

        @Override
        public ExecResult run(ExecRequest request) {
            String plugin = request.executable().getFileName().toString();
            String stdin = new String(request.stdin(), StandardCharsets.UTF_8);
            calls.add(new Call(plugin, request.environment(), ToolJson.parse(stdin)));
            Optional<ExecResult> special = override.apply(request);
            if (special.isPresent()) {
                return special.get();
            }
            String netns = env(request, "CNI_NETNS");
            String out = "";
            if (env(request, "CNI_COMMAND").equals("ADD")) {
                out = switch (plugin) {
                    case "loopback" -> "{\"cniVersion\":\"0.3.1\",\"interfaces\":[{\"name\":\"lo\",\"sandbox\":\"" + netns
                            + "\"}],\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"127.0.0.1/8\"}],\"dns\":{}}";
                    case "bridge" -> "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"cni4j-bench0\","
                            + "\"mac\":\"0a:00:00:00:00:01\"},{\"name\":\"veth1\",\"mac\":\"0a:00:00:00:00:02\"},"
                            + "{\"name\":\"eth0\",\"mac\":\"0a:00:00:00:00:03\",\"sandbox\":\"" + netns + "\"}],"
                            + "\"ips\":[{\"interface\":2,\"address\":\"10.251.0.2/16\",\"gateway\":\"10.251.0.1\"}],"
                            + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"dns\":{}}";
                    default -> ToolJson.pretty(ToolJson.parse(stdin).get("prevResult"));
                };
            }
            return new ExecResult(0, 0, out.getBytes(StandardCharsets.UTF_8), new byte[0]);
        }

        static String env(ExecRequest r, String name) {
            return r.environment().stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                    .findFirst().orElseThrow();
        }
    }

    private static ExecutorProvider provider(PluginExecutor executor) {
        return new ExecutorProvider() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public int priority() {
                return -1;
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public Optional<Throwable> unavailabilityCause() {
                return Optional.empty();
            }

            @Override
            public PluginExecutor executor() {
                return executor;
            }

            @Override
            public NetnsManager netnsManager(Path directory) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Path pluginDir(Chain chain) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("bin"));
        for (String p : chain.plugins()) {
            Path f = plugins.resolve(p);
            if (!Files.exists(f)) {
                Files.writeString(f, "#!/bin/sh\n");
                assertThat(f.toFile().setExecutable(true)).isTrue();
            }
        }
        return plugins;
    }

    private static BenchContainer container(Chain chain) {
        return new BenchContainer("cni4j-bench-0", Path.of("/run/netns/cni4j-bench-0"),
                chain == Chain.PORTMAP ? List.of(PortMapping.tcp(40000, 80)) : List.of());
    }

    @ParameterizedTest(name = "{0} chain")
    @EnumSource(Chain.class)
    @DisplayName("setup, check and remove: the floor's plugin runs equal the engine's (plugin, environment, stdin)")
    void sameRunsAsTheEngine(Chain chain) throws Exception {
        Path plugins = pluginDir(chain);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        String confList = BridgeNetwork.of("cni4j-bench", "cni4j-bench0", "10.251.0.0/16")
                .confList(dir.resolve("state"), chain.chained());
        Files.writeString(conf.resolve("10-cni4j-bench.conflist"), confList);
        BenchContainer c = container(chain);

        ScriptedExecutor engineRuns = new ScriptedExecutor();
        try (Cni cni = Cni4j.newBuilder().executorProvider(provider(engineRuns)).pluginDirs(List.of(plugins))
                .confDir(conf).cacheDir(dir.resolve("cache")).build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            EngineDriver engine = new EngineDriver(cni, false);
            engine.setup(c);
            if (chain.measuresCheck()) {
                engine.check(c);
            }
            engine.remove(c);
        }

        ScriptedExecutor floorRuns = new ScriptedExecutor();
        FloorDriver floor = FloorDriver.forBench(floorRuns, plugins, confList, "eth0", Duration.ofSeconds(5));
        floor.setup(c);
        if (chain.measuresCheck()) {
            floor.check(c);
        }
        floor.remove(c);

        List<String> expectedOrder = new ArrayList<>(List.of("loopback ADD", "bridge ADD"));
        if (chain == Chain.PORTMAP) {
            expectedOrder.addAll(List.of("portmap ADD", "loopback DEL", "portmap DEL", "bridge DEL"));
        } else {
            expectedOrder.addAll(List.of("bridge CHECK", "loopback DEL", "bridge DEL"));
        }
        assertThat(floorRuns.calls).extracting(FloorDriverTest::describe).containsExactlyElementsOf(expectedOrder);
        assertThat(floorRuns.calls).hasSameSizeAs(engineRuns.calls);
        for (int i = 0; i < floorRuns.calls.size(); i++) {
            Call f = floorRuns.calls.get(i);
            Call e = engineRuns.calls.get(i);
            assertThat(f.plugin()).as("run %d", i).isEqualTo(e.plugin());
            assertThat(f.env()).as("environment of %s", describe(f)).isEqualTo(e.env());
            assertThat(withoutEmptyDns(f.stdin())).as("stdin of %s", describe(f)).isEqualTo(e.stdin());
        }
        Call bridgeAdd = floorRuns.calls.get(1);
        assertThat(bridgeAdd.env()).endsWith("CNI_COMMAND=ADD", "CNI_CONTAINERID=cni4j-bench-0",
                "CNI_NETNS=/run/netns/cni4j-bench-0", "CNI_ARGS=", "CNI_IFNAME=eth0", "CNI_PATH=" + plugins);
        assertThat(bridgeAdd.stdin().has("prevResult")).isFalse();
        Call lastDel = floorRuns.calls.get(floorRuns.calls.size() - 1);
        assertThat(lastDel.stdin().at("/prevResult/ips/0/address").asText()).isEqualTo("10.251.0.2/16");
        assertThat(floorRuns.calls.get(floorRuns.calls.size() - 1 - (chain == Chain.PORTMAP ? 2 : 1)).stdin()
                .has("prevResult")).as("loopback's 0.3.1 DEL gets no prevResult").isFalse();
        if (chain == Chain.PORTMAP) {
            assertThat(floorRuns.calls.get(2).stdin().at("/runtimeConfig/portMappings/0/hostPort").asInt()).isEqualTo(40000);
            assertThat(floorRuns.calls.get(1).stdin().has("runtimeConfig")).isFalse();
        }
    }

    /**
     * The request without an empty {@code dns} object in its prevResult: the floor passes the plugin's
     * output on as it is, the engine writes the result it parsed and leaves an empty DNS out.
     */
    private static JsonNode withoutEmptyDns(JsonNode request) {
        JsonNode copy = request.deepCopy();
        JsonNode prev = copy.get("prevResult");
        if (prev instanceof ObjectNode o && o.path("dns").isObject() && o.get("dns").isEmpty()) {
            o.remove("dns");
        }
        return copy;
    }

    private static String describe(Call c) {
        String verb = c.env().stream().filter(e -> e.startsWith("CNI_COMMAND=")).findFirst().orElseThrow().substring(12);
        return c.plugin() + " " + verb;
    }

    @Test
    @DisplayName("a failing plugin is a PluginErrorException with its code, the plugin, the verb and the network")
    void pluginError() throws Exception {
        Path plugins = pluginDir(Chain.BRIDGE);
        String confList = BridgeNetwork.of("cni4j-bench", "cni4j-bench0", "10.251.0.0/16")
                .confList(dir.resolve("state"), List.of());
        ScriptedExecutor runs = new ScriptedExecutor();
        runs.override = r -> r.executable().endsWith("bridge")
                ? Optional.of(new ExecResult(1, 0, "{\"code\":11,\"msg\":\"busy\",\"details\":\"later\"}"
                        .getBytes(StandardCharsets.UTF_8), new byte[0]))
                : Optional.empty();
        FloorDriver floor = FloorDriver.forBench(runs, plugins, confList, "eth0", Duration.ofSeconds(5));
        assertThatThrownBy(() -> floor.setup(container(Chain.BRIDGE))).isInstanceOfSatisfying(PluginErrorException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(11);
                    assertThat(e.pluginType()).isEqualTo("bridge");
                    assertThat(e.verb()).isEqualTo(Verb.ADD);
                    assertThat(e.network()).isEqualTo("cni4j-bench");
                    assertThat(e.getMessage()).contains("busy; later");
                });

        runs.override = r -> Optional.of(new ExecResult(2, 0, new byte[0], "no netns\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> floor.remove(container(Chain.BRIDGE))).isInstanceOfSatisfying(PluginErrorException.class,
                e -> assertThat(e.getMessage()).contains("loopback").contains("netplugin failed: \"no netns\""));
    }
}
