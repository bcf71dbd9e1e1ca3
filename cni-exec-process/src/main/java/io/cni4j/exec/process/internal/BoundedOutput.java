package io.cni4j.exec.process.internal;

import java.util.Arrays;

/**
 * A byte buffer that refuses to grow past a fixed limit, so that a plugin flooding its stdout or
 * stderr can never make the executor hold more than the limit in memory.
 */
final class BoundedOutput {

    /** The largest array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int limit;
    private byte[] buf = new byte[0];
    private int count;

    /**
     * @param limit the most bytes accepted; values above {@link #MAX_ARRAY} are clamped to it
     */
    BoundedOutput(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = (int) Math.min(limit, MAX_ARRAY);
    }

    /**
     * Appends bytes unless that would exceed the limit; then nothing is appended.
     *
     * @return {@code false} if the bytes did not fit
     */
    boolean append(byte[] b, int off, int len) {
        if (len > limit - count) {
            return false;
        }
        int needed = count + len;
        if (needed > buf.length) {
            int grown = (int) Math.min(limit, Math.max(needed, Math.max(256L, 2L * buf.length)));
            buf = Arrays.copyOf(buf, grown);
        }
        System.arraycopy(b, off, buf, count, len);
        count = needed;
        return true;
    }

    /** @return the bytes appended so far */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    /** @return how many bytes are held */
    int size() {
        return count;
    }

    /** @return the length of the backing array, never more than the limit (for tests) */
    int capacity() {
        return buf.length;
    }

    /** @return the limit */
    int limit() {
        return limit;
    }
}
