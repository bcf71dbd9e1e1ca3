package io.cni4j.tool.internal.bench;

import io.cni4j.tool.internal.host.Footprint;

/**
 * One way to run the chain for a container: through the engine ({@link EngineDriver}) or by calling
 * the plugins directly ({@link FloorDriver}). The bench times each call.
 */
interface Driver {

    /** @return the name in the output: {@code cni4j} or {@code floor} */
    String name();

    /**
     * Attaches the container to the loopback and the bench network.
     *
     * @param container the container
     * @return what to record once the timing is over (the host ends of the veths)
     * @throws Exception if a plugin or the engine fails
     */
    Attached setup(BenchContainer container) throws Exception;

    /**
     * Runs CHECK on the container's networks that support it.
     *
     * @param container the container
     * @throws Exception if a plugin or the engine fails
     */
    void check(BenchContainer container) throws Exception;

    /**
     * Detaches the container from every network.
     *
     * @param container the container
     * @throws Exception if a plugin or the engine fails
     */
    void remove(BenchContainer container) throws Exception;

    /** What a setup made on the host, recorded after the timing so that it does not count. */
    @FunctionalInterface
    interface Attached {

        /**
         * Records the host links the setup made.
         *
         * @param footprint the run's footprint
         * @throws Exception if the plugin output cannot be read
         */
        void record(Footprint footprint) throws Exception;
    }
}
