/**
 * Test-only module (not published): it declares extra executor providers with {@code provides}, so
 * that executor discovery is tested through a real {@link java.util.ServiceLoader} on the module
 * path next to the process executor, and it runs the real CNI plugins through cni-core's invoker.
 * Its tests live in {@code src/test/java} and are patched into this module by surefire.
 */
module io.cni4j.it {
    requires io.cni4j.core;
    // The log tests capture cni4j's System.Logger output through its default java.util.logging backend.
    requires java.logging;

    provides io.cni4j.api.spi.ExecutorProvider with
            io.cni4j.it.providers.HighPriorityProvider,
            io.cni4j.it.providers.UnavailableProvider,
            io.cni4j.it.providers.ThrowingProvider,
            io.cni4j.it.providers.MisbehavingProvider;
}
