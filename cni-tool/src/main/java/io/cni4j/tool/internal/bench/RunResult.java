package io.cni4j.tool.internal.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one driver measured: how many cycles, how long a worker spent in them on average, and the
 * distribution of each operation.
 *
 * @param driver {@code cni4j} or {@code floor}
 * @param samples the measured cycles of all workers together
 * @param busyNanos the time a worker spent in this driver's measured cycles, averaged over the workers
 * @param operations the distribution per operation; CHECK is absent when not measured
 */
public record RunResult(String driver, int samples, long busyNanos, Map<Operation, Percentiles> operations) {

    /**
     * Copies the operations.
     *
     * @param driver the driver
     * @param samples the samples
     * @param busyNanos the time per worker
     * @param operations the distributions
     */
    public RunResult {
        Map<Operation, Percentiles> copy = new EnumMap<>(Operation.class);
        copy.putAll(operations);
        operations = Collections.unmodifiableMap(copy);
    }

    /**
     * Cycles per second of all workers together: the measured cycles over the time a worker spent in
     * them. The workers run at once, so this is the throughput the driver alone would have; with one
     * driver it equals the measured cycles over the measured wall time, up to the workers' skew.
     *
     * @return the throughput
     */
    public double cyclesPerSecond() {
        return busyNanos <= 0 ? 0 : samples / (busyNanos / 1e9);
    }
}
