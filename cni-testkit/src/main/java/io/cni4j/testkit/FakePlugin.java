package io.cni4j.testkit;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;

/**
 * A CNI plugin written as a Java object, run by {@link FakePluginExecutor} in place of an executable.
 * Register one per plugin type with {@link FakePluginExecutor#register(String, FakePlugin)}; the
 * executor maps the executable's file name to it.
 *
 * <p>{@link #handle} gets ADD, DEL, CHECK, GC and STATUS; {@link #version} gets VERSION and by
 * default reports every spec version, so a lambda is a complete plugin. Implementations are called
 * concurrently and must be thread-safe.
 *
 * <p>A plugin that stands for an executable that cannot even be started throws
 * {@link PluginExecutionException} (e.g. {@link PluginExecutionException.Reason#TEXT_FILE_BUSY}, see
 * {@link FakePlugins#busy}): the executor rethrows it unchanged, as a real executor would report the
 * failed start, and records it as the run's failure.
 */
@FunctionalInterface
public interface FakePlugin {

    /**
     * Answers one call. A plugin that wants to fail returns {@link PluginReply#error}; a plugin that
     * takes time uses {@link PluginCall#sleep} so that the deadline and interrupts are honoured.
     *
     * @param call the verb, environment and config of this call
     * @return what the plugin prints and its exit status
     * @throws PluginExecutionException to simulate an executable that cannot be started
     * @throws CniTimeoutException if the call ran past its deadline
     * @throws InterruptedException if the calling thread was interrupted
     */
    PluginReply handle(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException;

    /**
     * Answers VERSION. The default reports every spec version from 0.1.0 to 1.1.0.
     *
     * @param call the VERSION call
     * @return the version info reply
     * @throws PluginExecutionException to simulate an executable that cannot be started
     * @throws CniTimeoutException if the call ran past its deadline
     * @throws InterruptedException if the calling thread was interrupted
     */
    default PluginReply version(PluginCall call)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return PluginReply.versionInfo(PluginReply.ALL_VERSIONS);
    }
}
