package io.cni4j.testkit;

import io.cni4j.api.spi.ExecutorProvider;

/** Runs the TCK against a minimal ProcessBuilder executor, to prove the kit can be passed. */
class ReferenceExecutorCompatibilityTest extends PluginExecutorCompatibilityKit {

    @Override
    public ExecutorProvider provider() {
        return new ReferenceProcessProvider();
    }
}
