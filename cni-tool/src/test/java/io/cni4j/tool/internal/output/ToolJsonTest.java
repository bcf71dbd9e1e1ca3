package io.cni4j.tool.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tool's JSON reading: as strict as the engine's, so that {@code --capability} fails early. */
class ToolJsonTest {

    @Test
    @DisplayName("ToolJson refuses what the engine refuses: duplicates, trailing data, empty input")
    void strictJson() {
        assertThat(ToolJson.parse("{\"a\": 1.10}").get("a").decimalValue()).isEqualByComparingTo("1.10");
        assertThatThrownBy(() -> ToolJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolJson.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolJson.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ToolJson.parseOrText("nope").asText()).isEqualTo("nope");
    }
}
