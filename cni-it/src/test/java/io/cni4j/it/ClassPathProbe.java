package io.cni4j.it;

import io.cni4j.core.internal.exec.ExecutorDiscovery;

/**
 * Run in a separate JVM on the plain class path by {@link ClassPathTest}: prints the providers that
 * discovery finds there (through {@code META-INF/services} only) and the one it selects.
 */
public final class ClassPathProbe {

    private ClassPathProbe() {
    }

    /**
     * Prints {@code found=<names>} and {@code selected=<name>}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("found=" + ExecutorDiscovery.discover().stream().map(ExecutorDiscovery.Candidate::name).toList());
        System.out.println("selected=" + ExecutorDiscovery.select(null).name());
        System.out.println("module=" + ExecutorDiscovery.select(null).getClass().getModule().isNamed());
    }
}
