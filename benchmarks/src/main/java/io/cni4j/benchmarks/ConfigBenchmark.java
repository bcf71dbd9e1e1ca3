package io.cni4j.benchmarks;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.core.Cni4j;
import io.cni4j.core.NetworkConfigs;
import io.cni4j.testkit.FakeExecutorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Reading configuration: the parse of one real-world conflist (podman's default bridge network:
 * bridge/host-local, portmap, firewall, tuning), and a client's {@code load} of a conf dir holding
 * 1, 10 or 100 copies of it (each under its own network name), with {@code allConf} and with
 * {@code defaultConf}. The client runs over the testkit's fake executor; load runs no plugin, so
 * what is measured is listing, reading, parsing and validating. The conf dir is on tmpfs
 * ({@code /dev/shm}) so the page cache is not what is measured.
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConfigBenchmark {

    /** The conflist parsed and copied into the conf dir (from cni-core's conf corpus). */
    static final String CONFLIST = "podman-87-podman-bridge.conflist";

    private final byte[] conflist = resource(CONFLIST);

    /** A conf dir of {@link #files} conflists and a client over it; only the load benchmarks use it. */
    @State(Scope.Benchmark)
    public static class ConfDir {

        /** How many conflists the conf dir holds. */
        @Param({"1", "10", "100"})
        public int files;

        private Path root;
        private Cni cni;

        /**
         * Fills a temp conf dir with copies of the conflist, each its own network, and builds the client.
         *
         * @throws IOException if the temp tree cannot be written
         */
        @Setup
        public void setUp() throws IOException {
            root = Files.createTempDirectory(Path.of("/dev/shm"), "cni4j-bench-conf");
            Path conf = Files.createDirectories(root.resolve("conf"));
            String text = new String(resource(CONFLIST), StandardCharsets.UTF_8);
            for (int i = 0; i < files; i++) {
                String name = String.format("%03d-podman.conflist", i);
                Files.writeString(conf.resolve(name),
                        text.replace("\"name\": \"podman\"", "\"name\": \"podman" + i + "\""));
            }
            cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider())
                    .pluginDirs(List.of(Files.createDirectories(root.resolve("bin"))))
                    .confDir(conf).cacheDir(root.resolve("cache")).build();
        }

        /**
         * Closes the client and deletes the temp tree.
         *
         * @throws IOException if the tree cannot be listed
         */
        @TearDown
        public void tearDown() throws IOException {
            cni.close();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * @return the parsed conflist
     * @throws Exception if the conflist is invalid
     */
    @Benchmark
    public NetworkConfigList parseConfList() throws Exception {
        return NetworkConfigs.parseConfList(conflist);
    }

    /**
     * Loads every conflist in the conf dir (plus loopback, as go-cni users do).
     *
     * @param dir the conf dir and client
     * @return the client, so the work is not dead code
     * @throws Exception if a conflist is rejected
     */
    @Benchmark
    public Cni loadAllConf(ConfDir dir) throws Exception {
        dir.cni.load(LoadOption.loopback(), LoadOption.allConf());
        return dir.cni;
    }

    /**
     * Loads the first conflist of the conf dir (plus loopback); the others are still listed.
     *
     * @param dir the conf dir and client
     * @return the client, so the work is not dead code
     * @throws Exception if the conflist is rejected
     */
    @Benchmark
    public Cni loadDefaultConf(ConfDir dir) throws Exception {
        dir.cni.load(LoadOption.loopback(), LoadOption.defaultConf());
        return dir.cni;
    }

    /**
     * @param name a resource next to this class
     * @return its bytes
     */
    static byte[] resource(String name) {
        try (InputStream in = ConfigBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
