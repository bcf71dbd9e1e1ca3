package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.testkit.NetnsExtension;
import io.cni4j.testkit.TestNetns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's netns extension with the process executor's netns manager: real namespaces, root
 * only (skipped without root, failing instead under {@code CNI4J_REQUIRE_ROOT_TESTS=1}). It lives here
 * because the testkit cannot depend on an executor module.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessNetnsExtensionTest {

    @RegisterExtension
    static final NetnsExtension NETNS = NetnsExtension.withProvider(ExecutorDiscovery.select("process"));

    private static TestNetns previous;

    @Test
    @Order(1)
    @DisplayName("a TestNetns parameter is a real namespace made by the given provider")
    void createsNamespace(TestNetns netns) {
        assertThat(netns.providerName()).isEqualTo("process");
        assertThat(netns.path()).exists().hasFileName(netns.name());
        assertThat(netns.manager().isNetns(netns.path())).isTrue();
        previous = netns;
    }

    @Test
    @Order(2)
    @DisplayName("the namespace of the previous test and its directory are gone")
    void removesNamespace(TestNetns netns) {
        assertThat(previous).as("the first test ran").isNotNull();
        assertThat(previous.path()).doesNotExist();
        assertThat(previous.manager().directory()).doesNotExist();
        assertThat(netns.path()).isNotEqualTo(previous.path());
    }

    @Test
    @DisplayName("a test without a TestNetns parameter runs without root or namespace")
    void leavesOtherTestsAlone() {
        assertThat(NETNS).isNotNull();
    }
}
