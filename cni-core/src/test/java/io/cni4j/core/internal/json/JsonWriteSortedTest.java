package io.cni4j.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Json#writeSorted} writes what {@code write(sorted(node))} writes (libcni's plugin bytes and
 * the result cache depend on that text), without the sorted copy.
 */
class JsonWriteSortedTest {

    @Test
    @DisplayName("keys are sorted at every level, arrays keep their order, no whitespace")
    void sortsEveryLevel() throws Exception {
        JsonNode node = Json.parse("{\"b\": [ {\"z\":1, \"a\":2}, 3 ], \"a\": {\"y\": null, \"x\": true}}");
        assertThat(new String(Json.writeSorted(node), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[{\"a\":2,\"z\":1},3]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "null", "true", "\"text\"", "0", "-0", "-0.0", "1e400", "1.5E-7", "123456789012345678901234567890",
        "-9223372036854775809", "2147483648", "0.1000", "[1, 2.50, -3e2, {\"k\": []}]",
        "{\"\\u00e9t\\u00e9\": \"caf\\u00e9 \\ud83d\\ude00 \\u2028\", \"ctl\": \"\\u0000\\u001f\\t\\n\\\"\\\\/\"}",
        "{\"Z\": 1, \"a\": 2, \"_\": 3, \"10\": 4, \"9\": 5, \"\": 6}",
        "[[[[{\"d\": [{\"c\": {\"b\": {\"a\": []}}}]}]]]]"
    })
    void sameTextAsWriteOfSorted(String json) throws Exception {
        JsonNode node = Json.parse(json);
        assertThat(Json.writeSorted(node)).isEqualTo(Json.write(Json.sorted(node)));
    }

    @Test
    @DisplayName("writeEachSorted gives each element's own text, no separator carried from one to the next")
    void eachElementOfAnArray() throws Exception {
        JsonNode array = Json.parse("[{\"b\":1,\"a\":[2,{\"d\":3,\"c\":4}]}, 5, \"s\", null, [], {}, {\"y\":{\"x\":1e3}}]");
        List<String> expected = new ArrayList<>();
        for (JsonNode element : array) {
            expected.add(new String(Json.write(Json.sorted(element)), StandardCharsets.UTF_8));
        }
        assertThat(Json.writeEachSorted(array)).containsExactlyElementsOf(expected)
                .startsWith("{\"a\":[2,{\"c\":4,\"d\":3}],\"b\":1}", "5", "\"s\"", "null", "[]", "{}");
        assertThat(Json.writeEachSorted(Json.parse("[]"))).isEmpty();
    }

    static Stream<Path> corpus() throws Exception {
        Path dir = corpusDir();
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("every real-world configuration of the corpus gives the same text")
    void sameTextForTheCorpus(Path file) throws Exception {
        JsonNode node = Json.parse(Files.readAllBytes(file));
        assertThat(Json.writeSorted(node)).isEqualTo(Json.write(Json.sorted(node)));
    }

    private static Path corpusDir() throws URISyntaxException {
        return Path.of(JsonWriteSortedTest.class.getResource("/conf-corpus/cni-spec-dbnet.conflist").toURI()).getParent();
    }
}
