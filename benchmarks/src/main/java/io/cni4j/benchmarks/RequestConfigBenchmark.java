package io.cni4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.NetworkConfigs;
import io.cni4j.core.internal.engine.RequestConfig;
import io.cni4j.core.internal.engine.RuntimeConf;
import io.cni4j.core.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stdin the engine builds for each plugin of an ADD/CHECK/DEL ({@code RequestConfig.forAttachment},
 * libcni's config injection): for the first plugin of podman's bridge conflist (bridge with its ipam,
 * no previous result) and for its portmap plugin (the §4.5 result as {@code prevResult}, and a
 * {@code runtimeConfig} with the port mappings it declares). Both include the sorted write.
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestConfigBenchmark {

    private NetworkConfigList list;
    private PluginConfig bridge;
    private PluginConfig portmap;
    private JsonNode prevResult;
    private RuntimeConf rt;

    /**
     * Parses the conflist and the previous result, and builds the runtime arguments.
     *
     * @throws Exception if either is rejected
     */
    @Setup
    public void setUp() throws Exception {
        list = NetworkConfigs.parseConfList(ConfigBenchmark.resource(ConfigBenchmark.CONFLIST));
        bridge = list.plugins().get(0);
        portmap = list.plugins().get(1);
        if (!portmap.hasCapability("portMappings")) {
            throw new IllegalStateException("the second plugin of " + ConfigBenchmark.CONFLIST
                    + " should declare portMappings");
        }
        prevResult = Json.parse(ResultBenchmark.RESULT_110);
        ObjectNode caps = (ObjectNode) Json.parse("""
                {"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}],
                 "bandwidth":{"ingressRate":1000}}""");
        rt = new RuntimeConf("c1", "/run/netns/c1", "eth0", List.of(Map.entry("IgnoreUnknown", "1")), caps);
    }

    /** The engine's request builder: each plugin's JSON is parsed on first use and kept. */
    private final RequestConfig requests = new RequestConfig();

    /** @return the bridge plugin's stdin: the first plugin, no previous result, no capability */
    @Benchmark
    public byte[] firstPlugin() throws Exception {
        return requests.forAttachment(list.name(), list.cniVersion(), bridge, null, rt);
    }

    /** @return the portmap plugin's stdin: with the previous result and its runtimeConfig */
    @Benchmark
    public byte[] chainedPlugin() throws Exception {
        return requests.forAttachment(list.name(), list.cniVersion(), portmap, prevResult, rt);
    }
}
