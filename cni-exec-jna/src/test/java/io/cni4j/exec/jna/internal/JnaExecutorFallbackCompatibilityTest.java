package io.cni4j.exec.jna.internal;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.testkit.PluginExecutorCompatibilityKit;

/**
 * The executor TCK again, with the fallbacks for older C libraries and kernels forced: descriptors
 * closed one by one from {@code /proc/self/fd} instead of {@code addclosefrom_np}, and the exit
 * found by polling {@code waitid(WNOWAIT)} instead of a pidfd.
 */
class JnaExecutorFallbackCompatibilityTest extends PluginExecutorCompatibilityKit {

    @Override
    public ExecutorProvider provider() {
        Availability real = Availability.get();
        return new JnaExecutorProvider(real.isAvailable() ? new Availability(null, Features.NONE) : real);
    }
}
