package io.cni4j.api.spi;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;

/**
 * Runs one plugin executable. Implementations must be thread-safe: the engine runs plugins of
 * different containers concurrently.
 *
 * <p>Contract, checked by the testkit's executor TCK:
 * <ul>
 *   <li>the child gets exactly {@link ExecRequest#environment()}, the stdin bytes, no arguments, and no
 *       file descriptor of the caller besides its three pipes;</li>
 *   <li>stdout and stderr are read concurrently and returned separately, each bounded by
 *       {@link ExecRequest#maxOutputBytes()}; past the bound the child is killed and
 *       {@link PluginExecutionException.Reason#OUTPUT_LIMIT_EXCEEDED} is thrown;</li>
 *   <li>past the timeout, or when the calling thread is interrupted, the child is sent SIGTERM, then
 *       SIGKILL after a short grace, and reaped; then {@link CniTimeoutException} or
 *       {@link InterruptedException} is thrown;</li>
 *   <li>a start failure with {@code ETXTBSY} is reported as
 *       {@link PluginExecutionException.Reason#TEXT_FILE_BUSY} so the engine can retry; other start
 *       failures as {@link PluginExecutionException.Reason#START_FAILED}, naming the path.</li>
 * </ul>
 * A non-zero exit is not an exception here: it is returned in the {@link ExecResult}.
 */
public interface PluginExecutor {

    /**
     * Runs the executable to completion.
     *
     * @param request what to run
     * @return how it ended
     * @throws PluginExecutionException if it could not be started or its output was too large
     * @throws CniTimeoutException if it ran past the timeout (it has been killed)
     * @throws InterruptedException if the calling thread was interrupted (it has been killed)
     */
    ExecResult run(ExecRequest request) throws PluginExecutionException, CniTimeoutException, InterruptedException;
}
