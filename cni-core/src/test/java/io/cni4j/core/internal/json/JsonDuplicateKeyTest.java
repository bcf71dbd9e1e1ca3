package io.cni4j.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Duplicate keys are refused at every level, in a short message that names the key and where it is. */
class JsonDuplicateKeyTest {

    @Test
    @DisplayName("the message names the key and the line, without Jackson's feature advice")
    void shortMessageWithLocation() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> Json.parse("{\n  \"a\": 1,\n  \"b\": {\"a\": 2},\n  \"a\": 3\n}"));
        assertThat(Json.describe(e)).matches("Duplicate field 'a' \\(line 4, column \\d+\\)");
    }

    @Test
    @DisplayName("a key that itself looks like the message's tail is named whole")
    void awkwardKey() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> Json.parse("{\"x' for `ObjectNode`\": 1, \"x' for `ObjectNode`\": 2}"));
        assertThat(e.getOriginalMessage()).isEqualTo("Duplicate field 'x' for `ObjectNode`'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":null,\"a\":null}", "[{\"a\":{},\"a\":[]}]", "{\"x\":[[{\"k\":1,\"b\":2,\"c\":3,\"d\":4,\"k\":1}]]}",
        "{\"o\":{\"p\":{\"q\":true,\"q\":false}}}"})
    void refusedAtEveryLevel(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> Json.parse(json));
        assertThat(e.getOriginalMessage()).startsWith("Duplicate field '").doesNotContain("ObjectNode");
    }

    @Test
    @DisplayName("the same key in sibling objects is no duplicate")
    void siblingsMayShareKeys() throws Exception {
        assertThat(Json.parse("[{\"a\":1},{\"a\":2},{\"b\":{\"a\":3}}]").size()).isEqualTo(3);
    }
}
