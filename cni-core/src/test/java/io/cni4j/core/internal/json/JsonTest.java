package io.cni4j.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"b\":1,\"a\":{\"z\":[{\"y\":1,\"x\":2},3,\"s\"],\"c\":null},\"A\":true,\"é\":1.50,\"_\":12345678901234567890}",
        "[{\"b\":1,\"a\":2},[],{}]",
        "\"text\"",
        "{\"k\":{\"k\":{\"k\":{\"b\":1,\"a\":[[{\"d\":0,\"c\":0}]]}}}}",
    })
    @DisplayName("writeSorted writes what write(sorted(tree)) writes, and leaves the tree as it was")
    void writeSortedMatchesSortedCopy(String json) throws Exception {
        JsonNode tree = Json.parse(json);
        String expected = new String(Json.write(Json.sorted(tree)), StandardCharsets.UTF_8);

        String written = new String(Json.writeSorted(tree), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(expected);
        assertThat(new String(Json.write(tree), StandardCharsets.UTF_8)).isEqualTo(new String(
                Json.write(Json.parse(json)), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("writeSorted orders keys as Go's encoder does for ASCII keys")
    void sortedOrder() throws Exception {
        assertThat(new String(Json.writeSorted(Json.parse("{\"type\":\"x\",\"name\":\"n\",\"cniVersion\":\"1.0.0\","
                + "\"Z\":0}")), StandardCharsets.UTF_8))
                .isEqualTo("{\"Z\":0,\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"x\"}");
    }
}
