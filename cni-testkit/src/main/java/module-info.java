/**
 * Test support for cni4j: fakes, fixtures, assertions and the executor compatibility kit.
 *
 * <p>Everything public is in {@link io.cni4j.testkit}: a fake executor provider whose plugins are
 * Java objects and whose every invocation is recorded, JUnit 5 extensions for temporary CNI
 * directories and real network namespaces, AssertJ assertions for results and recorded
 * invocations, and {@link io.cni4j.testkit.PluginExecutorCompatibilityKit}, the TCK that every
 * executor provider passes. This module does not read {@code io.cni4j.core}, so the core's own
 * tests can use it.
 */
module io.cni4j.testkit {
    requires transitive io.cni4j.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires transitive com.fasterxml.jackson.databind;

    exports io.cni4j.testkit;

    uses io.cni4j.api.spi.ExecutorProvider;

    provides io.cni4j.api.spi.ExecutorProvider with io.cni4j.testkit.FakeExecutorProvider;
}
