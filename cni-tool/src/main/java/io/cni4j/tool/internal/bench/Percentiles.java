package io.cni4j.tool.internal.bench;

import java.util.Arrays;

/**
 * The latency distribution of one operation: nearest-rank percentiles (the smallest sample with at
 * least that share of the samples at or below it) and the maximum, in nanoseconds.
 *
 * @param count how many samples
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param max the largest sample
 */
public record Percentiles(int count, long p50, long p90, long p99, long max) {

    /**
     * Summarizes samples.
     *
     * @param nanos the samples in nanoseconds, in any order (not changed)
     * @return the percentiles
     * @throws IllegalArgumentException if there are no samples
     */
    public static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the sample at rank ceil(p/100 × n), counted from 1. */
    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
