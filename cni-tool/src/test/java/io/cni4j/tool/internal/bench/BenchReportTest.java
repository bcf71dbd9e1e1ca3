package io.cni4j.tool.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.tool.internal.host.BridgeNetwork;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's JSON shape and table, from made-up figures. */
class BenchReportTest {

    private static Map<Operation, Percentiles> ops(boolean check, long base) {
        Map<Operation, Percentiles> m = new EnumMap<>(Operation.class);
        m.put(Operation.SETUP, new Percentiles(4, base, base + 1_000_000, base + 2_000_000, base + 3_000_000));
        if (check) {
            m.put(Operation.CHECK, new Percentiles(4, base / 2, base / 2, base / 2, base / 2));
        }
        m.put(Operation.REMOVE, new Percentiles(4, base * 2, base * 2, base * 2, base * 2));
        m.put(Operation.CYCLE, new Percentiles(4, base * 4, base * 4, base * 4, base * 4));
        return m;
    }

    private static BenchReport report(Chain chain, boolean floor, List<String> leftovers) throws Exception {
        BenchSettings settings = new BenchSettings(chain, 2, 2, 1, floor, false,
                BridgeNetwork.of("cni4j-bench", "cni4j-bench0", "10.251.0.0/16"), Optional.empty());
        List<RunResult> runs = floor
                ? List.of(new RunResult("cni4j", 4, 2_000_000_000L, ops(chain.measuresCheck(), 11_000_000)),
                        new RunResult("floor", 4, 1_000_000_000L, ops(chain.measuresCheck(), 10_000_000)))
                : List.of(new RunResult("cni4j", 4, 2_000_000_000L, ops(chain.measuresCheck(), 11_000_000)));
        return new BenchReport(settings, "jna", Path.of("/usr/lib/cni"), Path.of("/tmp/cni4j-bench-1"),
                List.of(Path.of("/run/netns/cni4j-bench-0"), Path.of("/run/netns/cni4j-bench-1")), 3_500_000_000L,
                runs, leftovers);
    }

    @Test
    @DisplayName("JSON: settings, one object per driver with samples, cycles/s and p50/p90/p99/max in ms, the overhead, the cleanup")
    void jsonWithFloor() throws Exception {
        JsonNode json = ToolJson.parse(ToolJson.pretty(report(Chain.BRIDGE, true, List.of()).json()));
        assertThat(json.get("chain").asText()).isEqualTo("bridge");
        assertThat(json.get("plugins")).extracting(JsonNode::asText).containsExactly("loopback", "bridge", "host-local");
        assertThat(json.get("executor").asText()).isEqualTo("jna");
        assertThat(json.get("parallel").asInt()).isEqualTo(2);
        assertThat(json.get("cycles").asInt()).isEqualTo(2);
        assertThat(json.get("warmup").asInt()).isEqualTo(1);
        assertThat(json.get("setup").asText()).isEqualTo("serial");
        assertThat(json.get("checkMeasured").asBoolean()).isTrue();
        assertThat(json.has("checkNote")).isFalse();
        assertThat(json.get("unit").asText()).isEqualTo("ms");
        assertThat(json.get("seconds").asDouble()).isEqualTo(3.5);
        assertThat(json.get("runs").fieldNames()).toIterable().containsExactly("cni4j", "floor");
        JsonNode cni4j = json.at("/runs/cni4j");
        assertThat(cni4j.fieldNames()).toIterable()
                .containsExactly("samples", "cyclesPerSecond", "setup", "check", "remove", "cycle");
        assertThat(cni4j.get("samples").asInt()).isEqualTo(4);
        assertThat(cni4j.get("cyclesPerSecond").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/runs/floor/cyclesPerSecond").asDouble()).isEqualTo(4.0);
        assertThat(cni4j.get("setup").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "max");
        assertThat(cni4j.at("/setup/p50").asDouble()).isEqualTo(11.0);
        assertThat(cni4j.at("/setup/max").asDouble()).isEqualTo(14.0);
        assertThat(json.at("/overheadPercent/setup").asDouble()).isEqualTo(10.0);
        assertThat(json.at("/overheadPercent/cycle").asDouble()).isEqualTo(10.0);
        assertThat(json.get("namespaces")).extracting(JsonNode::asText)
                .containsExactly("/run/netns/cni4j-bench-0", "/run/netns/cni4j-bench-1");
        assertThat(json.get("tempDir").asText()).isEqualTo("/tmp/cni4j-bench-1");
        assertThat(json.get("leftovers")).isEmpty();
    }

    @Test
    @DisplayName("portmap chain: no check figures, the reason instead; no floor, no overhead")
    void portmapWithoutFloor() throws Exception {
        JsonNode json = report(Chain.PORTMAP, false, List.of("bridge cni4j-bench0")).json();
        assertThat(json.get("checkMeasured").asBoolean()).isFalse();
        assertThat(json.get("checkNote").asText()).contains("containernetworking/plugins#819");
        assertThat(json.get("plugins")).extracting(JsonNode::asText).endsWith("portmap");
        assertThat(json.at("/runs/cni4j").has("check")).isFalse();
        assertThat(json.get("runs").has("floor")).isFalse();
        assertThat(json.has("overheadPercent")).isFalse();
        assertThat(json.get("leftovers")).extracting(JsonNode::asText).containsExactly("bridge cni4j-bench0");
    }

    @Test
    @DisplayName("table: settings, a row per driver and operation with the overhead, the throughput, the cleanup")
    void table() throws Exception {
        String table = report(Chain.BRIDGE, true, List.of()).table();
        assertThat(table).startsWith("chain bridge (loopback + bridge/host-local), executor jna, parallel 2,"
                        + " 2 cycles after 1 warmup per worker\n")
                .contains("DRIVER  OPERATION  P50     P90     P99     MAX     P50 VS FLOOR\n")
                .contains("cni4j   setup      11.000  12.000  13.000  14.000  +10.0%\n")
                .contains("floor   cycle      40.000  40.000  40.000  40.000\n")
                .contains("DRIVER  CYCLES  CYCLES/S\ncni4j   4       2.00\nfloor   4       4.00\n")
                .contains("measured part: 3.500 s wall time")
                .endsWith("cleanup: nothing left (namespaces, bridge cni4j-bench0, veths, result cache, IPAM state"
                        + " and /tmp/cni4j-bench-1 removed)\n");
        assertThat(report(Chain.PORTMAP, false, List.of("link veth1")).table())
                .contains("CHECK not measured").doesNotContain(" check ").doesNotContain("VS FLOOR")
                .endsWith("cleanup: LEFT BEHIND: link veth1\n");
    }
}
