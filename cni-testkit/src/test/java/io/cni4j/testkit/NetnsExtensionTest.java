package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the netns extension with the reference provider (real namespaces, root only: skipped without
 * root, failing then under CNI4J_REQUIRE_ROOT_TESTS=1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetnsExtensionTest {

    @RegisterExtension
    static final NetnsExtension NETNS = NetnsExtension.withProvider(new ReferenceProcessProvider());

    private static TestNetns previous;

    @Test
    @Order(1)
    @DisplayName("a TestNetns parameter is a real namespace made by the given provider")
    void createsNamespace(TestNetns netns) {
        assertThat(netns.providerName()).isEqualTo("reference");
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

    @Test
    @DisplayName("the fake provider is refused")
    void refusesFake() {
        assertThatThrownBy(() -> NetnsExtension.withProvider(new FakeExecutorProvider()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fake");
    }
}
