package io.cni4j.exec.jna.internal;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link PluginExecutor} of this module: {@link Spawner} starts the plugin with
 * {@code posix_spawn}, {@link ChildProcess} drives it to the end on the calling thread. Thread-safe
 * and stateless: concurrent runs share nothing. Internal usage only.
 *
 * <p>The plugin inherits the calling thread's network namespace, as any child does; the engine
 * calls from ordinary threads, and plugins enter {@code CNI_NETNS} themselves.
 */
final class PosixSpawnExecutor implements PluginExecutor {

    /** A bound on the timeout that keeps {@code nanoTime} arithmetic far from overflow. */
    private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

    private final Features features;

    PosixSpawnExecutor(Features features) {
        this.features = Objects.requireNonNull(features, "features");
    }

    @Override
    public ExecResult run(ExecRequest request)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        Objects.requireNonNull(request, "request");
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before plugin " + request.executable() + " was started");
        }
        long timeoutNanos = timeoutNanos(request.timeout());
        if (timeoutNanos <= 0) {
            throw new CniTimeoutException("plugin " + request.executable() + " was not started: its timeout of "
                    + request.timeout() + " had passed");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        try (ChildProcess child = Spawner.start(request.executable(), request.environment(), features)) {
            return child.communicate(request.executable(), request.stdin(), request.maxOutputBytes(), deadline,
                    request.timeout());
        }
    }

    private static long timeoutNanos(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return 0;
        }
        return timeout.compareTo(Duration.ofNanos(MAX_TIMEOUT_NANOS)) > 0 ? MAX_TIMEOUT_NANOS : timeout.toNanos();
    }
}
