package io.cni4j.exec.jna.internal;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.testkit.PluginExecutorCompatibilityKit;

/** The executor TCK against the provider that ServiceLoader finds, with this JVM's native features. */
class JnaExecutorCompatibilityTest extends PluginExecutorCompatibilityKit {

    @Override
    public ExecutorProvider provider() {
        return new JnaExecutorProvider();
    }
}
