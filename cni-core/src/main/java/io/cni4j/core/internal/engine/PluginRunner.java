package io.cni4j.core.internal.engine;

import io.cni4j.api.CniException;
import io.cni4j.api.Verb;

/**
 * Runs one plugin of a network for the engine: look-up, environment, execution, error mapping.
 */
@FunctionalInterface
public interface PluginRunner {

    /**
     * Runs a plugin and returns its stdout on success.
     *
     * @param pluginType the plugin type (executable name)
     * @param verb the operation
     * @param stdin the request configuration
     * @param rt the runtime arguments ({@link RuntimeConf#EMPTY} for GC and STATUS)
     * @param deadline the call's deadline
     * @param network the network name, for error messages
     * @return the plugin's stdout
     * @throws CniException if the plugin fails, cannot be run or times out
     * @throws InterruptedException if interrupted (the plugin has been killed)
     */
    byte[] run(String pluginType, Verb verb, byte[] stdin, RuntimeConf rt, Deadline deadline, String network)
            throws CniException, InterruptedException;
}
