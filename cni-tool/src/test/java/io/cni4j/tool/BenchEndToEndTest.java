package io.cni4j.tool;

import static io.cni4j.tool.RealEnvironment.cni4j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.tool.RealEnvironment.Run;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cni4j bench} for real, as root in the test JVM's private network namespace: a short run of
 * each chain with two workers and the floor, the documented output, and nothing left afterwards (no
 * namespace file, no link it made, no temp dir), also when a plugin fails half-way. No timing is
 * asserted.
 */
class BenchEndToEndTest {

    /** Its own bridge and subnet, clear of the other real-plugin tests' networks in this namespace. */
    private static final List<String> NETWORK = List.of("--bridge", "cni4j-bt0", "--subnet", "10.254.0.0/24");

    @TempDir
    Path dir;

    private Set<String> linksBefore;

    @BeforeEach
    void gate() throws IOException {
        RealEnvironment.require("bridge", "host-local", "loopback", "portmap");
        linksBefore = links();
    }

    /** The links of this (the test JVM's) network namespace. */
    private static Set<String> links() throws IOException {
        Set<String> names = new TreeSet<>();
        List<String> lines = Files.readAllLines(Path.of("/proc/self/net/dev"));
        for (String line : lines.subList(2, lines.size())) {
            names.add(line.substring(0, line.indexOf(':')).trim());
        }
        return names;
    }

    private static Run bench(String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "--plugin-dir", RealEnvironment.PLUGINS.toString()));
        all.addAll(NETWORK);
        all.addAll(List.of(args));
        return cni4j(all.toArray(String[]::new));
    }

    private void assertNothingLeft(Path tempDir, List<Path> namespaces) throws IOException {
        for (Path ns : namespaces) {
            assertThat(ns).as("namespace file").doesNotExist();
        }
        try (Stream<Path> files = Files.list(Path.of("/run/netns"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("cni4j-bench"));
        }
        assertThat(tempDir).as("temp dir").doesNotExist();
        assertThat(links()).as("links: no bridge or veth left").isEqualTo(linksBefore).doesNotContain("cni4j-bt0");
    }

    @ParameterizedTest(name = "--chain {0}")
    @ValueSource(strings = {"bridge", "portmap"})
    @DisplayName("--parallel 2 --cycles 3 --warmup 1 --floor: the documented JSON, and nothing left")
    void chain(String chain) throws IOException {
        Run run = bench("--chain", chain, "--parallel", "2", "--cycles", "3", "--warmup", "1", "--floor");
        assertThat(run.status()).as("stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
        JsonNode json = ToolJson.parse(run.out());
        boolean check = chain.equals("bridge");

        assertThat(json.get("chain").asText()).isEqualTo(chain);
        assertThat(json.get("parallel").asInt()).isEqualTo(2);
        assertThat(json.get("cycles").asInt()).isEqualTo(3);
        assertThat(json.get("warmup").asInt()).isEqualTo(1);
        assertThat(json.get("setup").asText()).isEqualTo("serial");
        assertThat(json.get("executor").asText()).isIn("jna", "process");
        assertThat(json.get("bridge").asText()).isEqualTo("cni4j-bt0");
        assertThat(json.get("checkMeasured").asBoolean()).isEqualTo(check);
        assertThat(json.has("checkNote")).isEqualTo(!check);
        assertThat(json.get("runs").fieldNames()).toIterable().containsExactly("cni4j", "floor");
        List<String> operations = check ? List.of("setup", "check", "remove", "cycle") : List.of("setup", "remove", "cycle");
        for (JsonNode run1 : json.get("runs")) {
            assertThat(run1.get("samples").asInt()).isEqualTo(6);
            assertThat(run1.get("cyclesPerSecond").asDouble()).isPositive();
            List<String> keys = new ArrayList<>();
            run1.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(concat(List.of("samples", "cyclesPerSecond"), operations));
            for (String op : operations) {
                JsonNode p = run1.get(op);
                assertThat(p.get("p50").asDouble()).isPositive();
                assertThat(p.get("p50").asDouble()).isLessThanOrEqualTo(p.get("p90").asDouble());
                assertThat(p.get("p90").asDouble()).isLessThanOrEqualTo(p.get("p99").asDouble());
                assertThat(p.get("p99").asDouble()).isLessThanOrEqualTo(p.get("max").asDouble());
            }
        }
        List<String> overhead = new ArrayList<>();
        json.get("overheadPercent").fieldNames().forEachRemaining(overhead::add);
        assertThat(overhead).containsExactlyElementsOf(operations);
        assertThat(json.get("leftovers")).isEmpty();
        List<Path> namespaces = new ArrayList<>();
        json.get("namespaces").forEach(n -> namespaces.add(Path.of(n.asText())));
        assertThat(namespaces).containsExactly(Path.of("/run/netns/cni4j-bench-0"), Path.of("/run/netns/cni4j-bench-1"));
        assertNothingLeft(Path.of(json.get("tempDir").asText()), namespaces);
    }

    @Test
    @DisplayName("--output table with the process executor, --parallel-networks and --state-dir, no floor")
    void table(@TempDir Path stateDir) throws IOException {
        Run run = bench("--executor", "process", "--parallel-networks", "--cycles", "3", "--warmup", "1",
                "--state-dir", stateDir.toString(), "--output", "table");
        assertThat(run.status()).as("stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
        assertThat(run.out()).startsWith("chain bridge (loopback + bridge/host-local), executor process, parallel 1,"
                        + " 3 cycles after 1 warmup per worker\nnetworks set up in parallel (Cni.setup); CHECK measured\n")
                .containsPattern("(?m)^cni4j   setup +\\d+\\.\\d{3} ")
                .containsPattern("(?m)^cni4j   check ")
                .containsPattern("(?m)^cni4j   3 +\\d+\\.\\d{2}$")
                .doesNotContain("floor")
                .contains("cleanup: nothing left");
        Matcher temp = Pattern.compile("and (/\\S+) removed\\)").matcher(run.out());
        assertThat(temp.find()).isTrue();
        assertThat(Path.of(temp.group(1)).getParent()).as("the run's temp dir is made in --state-dir").isEqualTo(stateDir);
        assertNothingLeft(Path.of(temp.group(1)), List.of(Path.of("/run/netns/cni4j-bench-0")));
    }

    @Test
    @DisplayName("a plugin failing half-way: exit 1 with the plugin error, and everything torn down")
    void failure() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String p : List.of("loopback", "bridge", "host-local")) {
            Files.copy(RealEnvironment.PLUGINS.resolve(p), plugins.resolve(p), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path portmap = Files.writeString(plugins.resolve("portmap"), "#!/bin/sh\ncat >/dev/null\n"
                + "if [ \"$CNI_COMMAND\" = ADD ]; then echo '{\"code\":11,\"msg\":\"bench test failure\"}'; exit 1; fi\n");
        assertThat(portmap.toFile().setExecutable(true)).isTrue();

        Run run = cni4j("bench", "--plugin-dir", plugins.toString(), "--chain", "portmap", "--parallel", "2",
                "--cycles", "3", "--warmup", "1", "--bridge", "cni4j-bt0", "--subnet", "10.254.0.0/24");
        assertThat(run.status()).as("stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isEqualTo(1);
        JsonNode error = ToolJson.parse(run.out()).get("error");
        assertThat(error.get("plugin").asText()).isEqualTo("portmap");
        assertThat(error.get("verb").asText()).isEqualTo("ADD");
        assertThat(error.get("code").asInt()).isEqualTo(11);
        assertThat(run.err()).contains("bench test failure").doesNotContain("teardown");
        Matcher temp = Pattern.compile("in (/\\S+cni4j-bench-\\d+)").matcher(run.err());
        assertThat(temp.find()).as(run.err()).isTrue();
        assertNothingLeft(Path.of(temp.group(1)),
                List.of(Path.of("/run/netns/cni4j-bench-0"), Path.of("/run/netns/cni4j-bench-1")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
