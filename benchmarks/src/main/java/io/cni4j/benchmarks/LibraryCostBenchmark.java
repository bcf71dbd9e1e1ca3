package io.cni4j.benchmarks;

import io.cni4j.api.Cni;
import io.cni4j.api.PortMapping;
import io.cni4j.api.NamespaceOption;
import io.cni4j.testkit.InvocationRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's own cost of one setup + remove of loopback + bridge/host-local + portmap: the
 * plugins are the testkit's fakes, which answer at once, so what is measured is config injection,
 * result parsing and merging, the cache write/read/delete and the locking. The cache sits on tmpfs
 * ({@code /dev/shm}) or on disk ({@code java.io.tmpdir}), to show what the fsyncs cost.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LibraryCostBenchmark {

    /** Where the result cache lives. */
    @Param({"tmpfs", "disk"})
    public String cache;

    /**
     * How many other containers have a record in the result cache (one each), to show what a crowded
     * cache directory costs a setup and remove: {@code -p others=0,1000,10000}.
     */
    @Param({"0"})
    public int others;

    private Path root;
    private Cni cni;
    private InvocationRecorder recorder;
    private final NamespaceOption ports = NamespaceOption.portMappings(List.of(PortMapping.tcp(8080, 80)));
    private long n;

    /** Builds a client over fake plugins and a temp conf dir. */
    @Setup
    public void setUp() throws Exception {
        Path base = cache.equals("tmpfs") ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        root = Files.createTempDirectory(base, "cni4j-bench");
        Fixtures.FakeChain chain = Fixtures.FakeChain.open(root);
        cni = chain.cni();
        recorder = chain.recorder();
        if (others > 0) {
            cni.setupSerially("other", "/run/netns/other", ports);
            Path results = root.resolve("cache").resolve("results");
            String record = Files.readString(results.resolve("net-other-eth0"));
            for (int i = 0; i < others; i++) {
                Files.writeString(results.resolve("net-other" + i + "-eth0"),
                        record.replace("\"containerId\":\"other\"", "\"containerId\":\"other" + i + "\""));
            }
        }
    }

    /** Keeps the fake's invocation record from growing across iterations. */
    @Setup(Level.Iteration)
    public void clearRecorder() {
        recorder.clear();
    }

    /** Closes the client and deletes the temp tree. */
    @TearDown
    public void tearDown() throws IOException {
        cni.close();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One setup and one remove of a fresh container. */
    @Benchmark
    public void setupAndRemove() throws Exception {
        String id = "c" + (n++);
        String netns = "/run/netns/" + id;
        cni.setupSerially(id, netns, ports);
        cni.remove(id, netns, ports);
    }
}
