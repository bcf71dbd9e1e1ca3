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

    // FakeExecutorProvider is registered in META-INF/services only. A `provides` clause would make
    // surefire move this module, and with it JUnit, onto the module path of every module whose code
    // `uses` ExecutorProvider (cni-core among them), away from the JUnit launcher on the class path,
    // which then fails. Tests keep the testkit on the class path, where ServiceLoader finds it.
}
