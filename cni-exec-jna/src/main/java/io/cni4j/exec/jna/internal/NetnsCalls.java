package io.cni4j.exec.jna.internal;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.NetnsManager;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The implementation behind {@link io.cni4j.exec.jna.JnaNetns}. Internal usage only.
 */
public final class NetnsCalls {

    private NetnsCalls() {
    }

    /**
     * Runs {@code task} inside {@code netns} on a fresh platform thread; see
     * {@link io.cni4j.exec.jna.JnaNetns#run}.
     *
     * @param netns the namespace
     * @param task the task
     * @param <T> the result type
     * @return the task's result
     * @throws NetnsException if the namespace cannot be entered
     * @throws ExecutionException with what the task threw
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public static <T> T run(Path netns, Callable<T> task)
            throws NetnsException, ExecutionException, InterruptedException {
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(task, "task");
        Availability.get().ensureAvailable();
        try {
            return FreshThread.call("cni4j-netns-run", () -> Namespaces.callInside(netns, task));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Namespaces.EnterFailure failure) {
                throw new NetnsException("cannot enter network namespace " + netns + ": " + failure.getMessage(),
                        failure.getCause());
            }
            throw e;
        }
    }

    /**
     * A netns manager for {@code directory}; see {@link io.cni4j.exec.jna.JnaNetns#manager}.
     *
     * @param directory the directory of namespace files
     * @return the manager
     */
    public static NetnsManager manager(Path directory) {
        Availability.get().ensureAvailable();
        return new JnaNetnsManager(directory);
    }
}
