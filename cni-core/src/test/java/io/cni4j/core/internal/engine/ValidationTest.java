package io.cni4j.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "a-b_c.d", "A1.-_", "c2201c8869e4", "net.1-x_y"})
    @DisplayName("container ids and network names of libcni's ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$ pass")
    void validNames(String name) {
        assertThatCode(() -> Validation.containerId(name)).doesNotThrowAnyException();
        assertThatCode(() -> Validation.networkName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "_a", ".a", "a b", "a\n", "a/b", "é", "a%", "a:b", "a\u0000", "\u0661", "a+"})
    @DisplayName("any other character, or a first one that is not a letter or digit, is refused with libcni's messages")
    void invalidNames(String name) {
        assertThatThrownBy(() -> Validation.containerId(name)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid characters in containerID");
        assertThatThrownBy(() -> Validation.networkName(name)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid characters found in network name");
    }
}
