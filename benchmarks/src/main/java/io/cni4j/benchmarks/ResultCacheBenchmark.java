package io.cni4j.benchmarks;

import io.cni4j.core.internal.cache.CacheEntry;
import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.core.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The result cache on tmpfs ({@code /dev/shm}): the atomic write of one attachment's record (podman's
 * conflist as the config, the §4.5 result; temp file, fsync, rename, directory fsync), its read with
 * the extraction of the result JSON (what CHECK and DEL do), and a write + read + delete (one
 * attachment's life). On tmpfs the fsyncs cost next to nothing; LibraryCostBenchmark shows the disk.
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResultCacheBenchmark {

    private Path root;
    private ResultCache cache;
    private CacheEntry entry;
    private CacheEntry cycleEntry;

    /**
     * Creates the cache in a temp dir on tmpfs and writes the record {@link #read} reads.
     *
     * @throws Exception if the record cannot be written
     */
    @Setup
    public void setUp() throws Exception {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "cni4j-bench-cache");
        cache = new ResultCache(root);
        entry = entry("c1");
        cycleEntry = entry("c2");
        cache.write(entry);
    }

    private static CacheEntry entry(String containerId) throws Exception {
        return new CacheEntry(containerId, ConfigBenchmark.resource(ConfigBenchmark.CONFLIST), "eth0", "podman",
                "/run/netns/" + containerId, List.of(Map.entry("IgnoreUnknown", "1")),
                Json.parse("{\"portMappings\":[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]}"),
                Json.parse(ResultBenchmark.RESULT_110));
    }

    /**
     * Deletes the temp tree.
     *
     * @throws IOException if the tree cannot be listed
     */
    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Replaces the record of {@code c1}. */
    @Benchmark
    public void write() throws Exception {
        cache.write(entry);
    }

    /** @return the result JSON read back from the record of {@code c1} */
    @Benchmark
    public byte[] read() throws Exception {
        Optional<ResultCache.CachedFile> file = cache.read("podman", "c1", "eth0");
        return file.orElseThrow().resultJson().orElseThrow();
    }

    /** @return the result JSON of {@code c2}, after writing its record and before deleting it */
    @Benchmark
    public byte[] writeReadDelete() throws Exception {
        cache.write(cycleEntry);
        byte[] result = cache.read("podman", "c2", "eth0").orElseThrow().resultJson().orElseThrow();
        cache.delete("podman", "c2", "eth0");
        return result;
    }
}
