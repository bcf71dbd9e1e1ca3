package io.cni4j.exec.process.internal;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.testkit.PluginExecutorCompatibilityKit;

/** The process executor passes the testkit's executor TCK. */
class ProcessExecutorCompatibilityTest extends PluginExecutorCompatibilityKit {

    @Override
    public ExecutorProvider provider() {
        return new ProcessExecutorProvider();
    }
}
