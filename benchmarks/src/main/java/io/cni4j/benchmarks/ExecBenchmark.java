package io.cni4j.benchmarks;

import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.core.internal.invoke.PluginVersionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The cost of one plugin exec through the process executor: {@code /usr/lib/cni/loopback} VERSION
 * next to {@code /bin/true} spawned the same way (same environment, same stdin, same limits), plus
 * the same VERSION through cni-core's invoker (lookup, environment, decoding).
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecBenchmark {

    private static final Path PLUGIN_DIR = Path.of("/usr/lib/cni");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PluginExecutor executor;
    private ExecRequest loopbackVersion;
    private ExecRequest binTrue;
    private PluginInvoker invoker;

    /** Selects the process executor and prepares the requests once. */
    @Setup
    public void setUp() {
        if (!Files.isRegularFile(PLUGIN_DIR.resolve("loopback"))) {
            throw new IllegalStateException(PLUGIN_DIR.resolve("loopback") + " is missing (containernetworking-plugins)");
        }
        executor = ExecutorDiscovery.select("process").executor();
        loopbackVersion = Fixtures.versionRequest(PLUGIN_DIR.resolve("loopback"), TIMEOUT);
        binTrue = Fixtures.versionRequest(Path.of("/bin/true"), TIMEOUT);
        invoker = new PluginInvoker(executor, List.of(PLUGIN_DIR), PluginInvoker.DEFAULT_MAX_OUTPUT_BYTES);
    }

    /** @return the result of one {@code /bin/true} run: the floor of spawning a process */
    @Benchmark
    public ExecResult binTrue() throws Exception {
        return check(executor.run(binTrue));
    }

    /** @return the result of one {@code loopback} VERSION run through the process executor */
    @Benchmark
    public ExecResult loopbackVersion() throws Exception {
        return check(executor.run(loopbackVersion));
    }

    /** @return loopback's VERSION answer through the invoker (lookup, env, exec, decoding) */
    @Benchmark
    public PluginVersionInfo invokerLoopbackVersion() throws Exception {
        return invoker.version("loopback", TIMEOUT);
    }

    private static ExecResult check(ExecResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("run failed: " + result.describeExit() + " " + result.stderrText());
        }
        return result;
    }
}
