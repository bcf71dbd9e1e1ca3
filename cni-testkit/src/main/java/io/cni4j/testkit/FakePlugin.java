package io.cni4j.testkit;

import io.cni4j.api.CniTimeoutException;

/**
 * A CNI plugin written as a Java object, run by {@link FakePluginExecutor} in place of an executable.
 * Register one per plugin type with {@link FakePluginExecutor#register(String, FakePlugin)}; the
 * executor maps the executable's file name to it.
 *
 * <p>{@link #handle} gets ADD, DEL, CHECK, GC and STATUS; {@link #version} gets VERSION and by
 * default reports every spec version, so a lambda is a complete plugin. Implementations are called
 * concurrently and must be thread-safe.
 */
@FunctionalInterface
public interface FakePlugin {

    /**
     * Answers one call. A plugin that wants to fail returns {@link PluginReply#error}; a plugin that
     * takes time uses {@link PluginCall#sleep} so that the deadline and interrupts are honoured.
     *
     * @param call the verb, environment and config of this call
     * @return what the plugin prints and its exit status
     * @throws CniTimeoutException if the call ran past its deadline
     * @throws InterruptedException if the calling thread was interrupted
     */
    PluginReply handle(PluginCall call) throws CniTimeoutException, InterruptedException;

    /**
     * Answers VERSION. The default reports every spec version from 0.1.0 to 1.1.0.
     *
     * @param call the VERSION call
     * @return the version info reply
     * @throws CniTimeoutException if the call ran past its deadline
     * @throws InterruptedException if the calling thread was interrupted
     */
    default PluginReply version(PluginCall call) throws CniTimeoutException, InterruptedException {
        return PluginReply.versionInfo(PluginReply.ALL_VERSIONS);
    }
}
