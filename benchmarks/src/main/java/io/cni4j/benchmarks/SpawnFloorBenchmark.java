package io.cni4j.benchmarks;

import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The spawn floor next to the jna executor, in one run: {@code /bin/true} spawned {@value #LOOP}
 * times by a shell loop ({@code sh -c 'while ...; do /bin/true; done'}, reported per
 * {@code /bin/true}; the one start of the shell is spread over the {@value #LOOP}), and
 * {@code /bin/true} spawned by the jna executor with a plugin's request (the JVM's environment plus
 * the CNI variables, a VERSION config on stdin, stdout and stderr collected). Their ratio is issue 8's
 * "within 1.2x of spawning {@code /bin/true} from a shell loop".
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpawnFloorBenchmark {

    /** How many {@code /bin/true} one shell loop spawns. */
    static final int LOOP = 200;

    private static final String SHELL_LOOP =
            "i=0; while [ $i -lt " + LOOP + " ]; do /bin/true; i=$((i+1)); done";

    private PluginExecutor jna;
    private ExecRequest binTrue;

    /** Selects the jna executor and prepares the request once. */
    @Setup
    public void setUp() {
        binTrue = Fixtures.versionRequest(Path.of("/bin/true"), Duration.ofSeconds(30));
        jna = ExecutorDiscovery.select("jna").executor();
    }

    /**
     * The floor: one shell loop of {@value #LOOP} {@code /bin/true}, reported per {@code /bin/true}.
     *
     * @return the shell's exit code
     * @throws Exception if the shell cannot run or fails
     */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public int shellLoopBinTrue() throws Exception {
        Process shell = new ProcessBuilder("/bin/sh", "-c", SHELL_LOOP).redirectErrorStream(true).start();
        shell.getOutputStream().close();
        byte[] output = shell.getInputStream().readAllBytes();
        int exit = shell.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the shell loop failed with " + exit + ": "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return exit;
    }

    /**
     * One {@code /bin/true} through the jna executor.
     *
     * @return its result
     * @throws Exception if it cannot run or fails
     */
    @Benchmark
    public ExecResult jnaBinTrue() throws Exception {
        ExecResult result = jna.run(binTrue);
        if (!result.succeeded()) {
            throw new IllegalStateException("jna /bin/true failed: " + result.describeExit());
        }
        return result;
    }
}
