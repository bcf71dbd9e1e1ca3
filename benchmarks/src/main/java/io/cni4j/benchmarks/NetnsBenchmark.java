package io.cni4j.benchmarks;

import io.cni4j.api.spi.NetnsManager;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One named network namespace created and removed under {@code /run/netns}, three ways: the jna
 * module's manager (unshare on a reused worker thread, bind mount, setns back, umount, unlink: no
 * process), the process module's manager ({@code unshare --net=FILE} and {@code umount}), and
 * {@code ip netns add} + {@code ip netns delete}.
 *
 * <p>It changes {@code /run/netns}, so it refuses to run unless the JVM is in a network namespace of
 * its own (nothing but {@code lo} in it) with a tmpfs on {@code /run/netns}; run the jar as (JMH talks
 * to its fork over loopback, hence {@code lo} up):
 * <pre>
 * unshare --net --mount --propagation private sh -c 'mount -t tmpfs bench-netns /run/netns &amp;&amp;
 *   ip link set lo up &amp;&amp; exec java -jar benchmarks/target/cni4j-benchmarks.jar NetnsBenchmark'
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NetnsBenchmark {

    private static final Path DIRECTORY = NetnsManager.DEFAULT_DIRECTORY;

    /** How: {@code jna} or {@code process} (the two managers), or {@code ip} ({@code ip netns add/delete}). */
    @Param({"jna", "process", "ip"})
    public String manager;

    private final AtomicLong counter = new AtomicLong();
    private NetnsManager netns;

    /**
     * Checks the sandbox and selects the manager.
     *
     * @throws IOException if the sandbox cannot be checked
     */
    @Setup
    public void setUp() throws IOException {
        List<String> interfaces = Files.readAllLines(Path.of("/proc/self/net/dev")).stream().skip(2)
                .map(line -> line.substring(0, line.indexOf(':')).trim()).toList();
        boolean tmpfs = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" "))
                .anyMatch(f -> f[4].equals(DIRECTORY.toString()) && List.of(f).contains("tmpfs"));
        if (!interfaces.equals(List.of("lo")) || !tmpfs) {
            throw new IllegalStateException("refusing to touch the machine's " + DIRECTORY + ": run inside "
                    + "'unshare --net --mount' with a tmpfs on " + DIRECTORY + " (see the class comment); "
                    + "interfaces here: " + interfaces + ", tmpfs on " + DIRECTORY + ": " + tmpfs);
        }
        netns = manager.equals("ip") ? null : ExecutorDiscovery.select(manager).netnsManager(DIRECTORY);
    }

    /**
     * Creates a namespace and removes it.
     *
     * @return the path it had
     * @throws Exception if either step fails
     */
    @Benchmark
    public Path createAndRemove() throws Exception {
        String name = "bench-" + counter.incrementAndGet();
        if (netns == null) {
            ip("add", name);
            ip("delete", name);
            return DIRECTORY.resolve(name);
        }
        Path path = netns.create(name);
        netns.remove(path);
        return path;
    }

    private static void ip(String verb, String name) throws Exception {
        Process process = new ProcessBuilder("ip", "netns", verb, name).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ip netns " + verb + " " + name + " failed: " + new String(output));
        }
    }
}
