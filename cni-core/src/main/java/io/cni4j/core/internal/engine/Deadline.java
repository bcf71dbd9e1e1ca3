package io.cni4j.core.internal.engine;

import io.cni4j.api.CniTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The end of one facade call's time budget; every plugin the call runs gets what is left of it.
 *
 * @param endNanos the {@link System#nanoTime()} at which the call expires
 * @param total the call's whole budget, for messages
 */
public record Deadline(long endNanos, Duration total) {

    /**
     * A deadline {@code timeout} from now.
     *
     * @param timeout the budget
     * @return the deadline
     */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /**
     * What is left, failing when nothing is.
     *
     * @param what the work about to start, for the message
     * @return the remaining time, positive
     * @throws CniTimeoutException if the deadline has passed
     */
    public Duration remaining(String what) throws CniTimeoutException {
        return remaining(() -> what);
    }

    /**
     * The time left, as {@link #remaining(String)}, with the description built only for the exception.
     *
     * @param what what is timed out, e.g. {@code setup c1}; asked only when the deadline has passed
     * @return the positive time left
     * @throws CniTimeoutException if the deadline has passed
     */
    public Duration remaining(Supplier<String> what) throws CniTimeoutException {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw new CniTimeoutException(what.get() + ": timed out after " + total);
        }
        return Duration.ofNanos(left);
    }
}
