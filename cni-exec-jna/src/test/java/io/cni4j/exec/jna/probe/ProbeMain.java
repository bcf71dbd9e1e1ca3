package io.cni4j.exec.jna.probe;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.exec.jna.JnaExecutors;
import java.util.ServiceLoader;

/**
 * Run in a child JVM by {@code DiscoveryTest}, as an application would use the module: prints what
 * {@link JnaExecutors} says and which executor providers {@link ServiceLoader} finds.
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    /**
     * Prints {@code available=...}, {@code cause=...} and one {@code provider=name,priority,available} line each.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("available=" + JnaExecutors.isAvailable());
        System.out.println("cause=" + JnaExecutors.unavailabilityCause().map(Throwable::getMessage).orElse(""));
        for (ExecutorProvider provider : ServiceLoader.load(ExecutorProvider.class)) {
            System.out.println("provider=" + provider.name() + "," + provider.priority() + "," + provider.isAvailable());
        }
    }
}
