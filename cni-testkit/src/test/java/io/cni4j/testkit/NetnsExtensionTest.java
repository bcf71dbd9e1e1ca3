package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the netns extension does without a real provider. Its real-namespace tests run in cni-it
 * ({@code io.cni4j.it.ProcessNetnsExtensionTest}) with the process executor, which the testkit cannot
 * depend on (cni-exec-process tests itself with the testkit).
 */
class NetnsExtensionTest {

    @Test
    @DisplayName("the fake provider is refused")
    void refusesFake() {
        assertThatThrownBy(() -> NetnsExtension.withProvider(new FakeExecutorProvider()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fake");
    }
}
