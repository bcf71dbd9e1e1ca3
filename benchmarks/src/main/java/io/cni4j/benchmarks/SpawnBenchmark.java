package io.cni4j.benchmarks;

import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * One spawn, three ways, in one run: the jna executor ({@code posix_spawn} through JNA), the process
 * executor ({@code ProcessBuilder} with cni4j's reading, bounds and deadline), and a bare
 * {@code ProcessBuilder} (start, write stdin, read stdout then stderr, wait: the least a JVM can do).
 * Each spawns {@code /bin/true} (the floor) and {@code /usr/lib/cni/loopback} VERSION, with the same
 * environment and the stdin {@code {"cniVersion":"1.1.0"}}.
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpawnBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** How to spawn: {@code jna}, {@code process} (the two executors) or {@code processBuilder} (bare). */
    @Param({"jna", "process", "processBuilder"})
    public String spawner;

    /** What to spawn: {@code /bin/true} or {@code /usr/lib/cni/loopback} (as VERSION). */
    @Param({"/bin/true", "/usr/lib/cni/loopback"})
    public String program;

    private PluginExecutor executor;
    private ExecRequest request;

    /** Selects the spawner and prepares the request once. */
    @Setup
    public void setUp() {
        if (!Files.isRegularFile(Path.of(program))) {
            throw new IllegalStateException(program + " is missing (containernetworking-plugins for loopback)");
        }
        request = Fixtures.versionRequest(Path.of(program), TIMEOUT);
        executor = spawner.equals("processBuilder") ? SpawnBenchmark::bareProcessBuilder
                : ExecutorDiscovery.select(spawner).executor();
    }

    /** @return the result of one spawn of {@link #program} */
    @Benchmark
    public ExecResult spawn() throws Exception {
        ExecResult result = executor.run(request);
        if (!result.succeeded()) {
            throw new IllegalStateException(spawner + " " + program + " failed: " + result.describeExit() + " "
                    + result.stderrText());
        }
        return result;
    }

    /** The bare baseline: no deadline, no bound, sequential reads (fine for outputs this small). */
    private static ExecResult bareProcessBuilder(ExecRequest request) throws InterruptedException {
        try {
            return bareProcessBuilderRun(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecResult bareProcessBuilderRun(ExecRequest request) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(request.executable().toString());
        Map<String, String> env = builder.environment();
        env.clear();
        for (String entry : request.environment()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(request.stdin());
        } catch (IOException e) {
            // /bin/true exits without reading: a broken pipe is expected
        }
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        return new ExecResult(process.waitFor(), 0, out, err);
    }
}
