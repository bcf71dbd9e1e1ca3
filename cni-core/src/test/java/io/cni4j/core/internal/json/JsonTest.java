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

    @Test
    @DisplayName("a sortedRaw node is written as its tree written sorted, inside sorted and unsorted documents")
    void sortedRaw() throws Exception {
        JsonNode prev = Json.parse("{\"z\":[{\"b\":1,\"a\":\"\u00e9\"}],\"a\":null}");
        com.fasterxml.jackson.databind.node.ObjectNode doc = Json.object();
        doc.put("y", 1).set("x", prev);
        String expected = new String(Json.writeSorted(doc), StandardCharsets.UTF_8);
        doc.set("x", Json.sortedRaw(prev));

        assertThat(new String(Json.writeSorted(doc), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(Json.write(doc), StandardCharsets.UTF_8))
                .isEqualTo("{\"y\":1,\"x\":" + new String(Json.writeSorted(prev), StandardCharsets.UTF_8) + "}");
    }

    /** Plain Jackson, the reference for the bytes: what Json wrote before it walked trees itself. */
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
            com.fasterxml.jackson.databind.json.JsonMapper.builder().build();

    @Test
    @DisplayName("write and writeSorted give Jackson's own bytes for every kind of node, on 2000 random trees")
    void sameBytesAsJackson() throws Exception {
        java.util.Random random = new java.util.Random(8);
        com.fasterxml.jackson.databind.ObjectWriter sortedWriter = PLAIN.writer()
                .with(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED);
        for (int i = 0; i < 2000; i++) {
            JsonNode tree = randomNode(random, 0);
            assertThat(Json.write(tree)).as("tree %d", i).isEqualTo(PLAIN.writeValueAsBytes(tree));
            assertThat(Json.writeSorted(tree)).as("tree %d sorted", i).isEqualTo(sortedWriter.writeValueAsBytes(tree));
        }
    }

    private static JsonNode randomNode(java.util.Random r, int depth) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = Json.nodes();
        int kind = r.nextInt(depth > 6 ? 14 : 17);
        switch (kind) {
            case 0: return f.textNode(randomText(r));
            case 1: return f.numberNode(r.nextInt());
            case 2: return f.numberNode(r.nextLong());
            case 3: return f.numberNode(new java.math.BigInteger(100, r).negate());
            case 4: return f.numberNode(new java.math.BigDecimal(new java.math.BigInteger(70, r), r.nextInt(800) - 400));
            case 5: return f.numberNode(r.nextDouble() * 1e300);
            case 6: return f.numberNode(r.nextFloat());
            case 7: return f.numberNode((short) r.nextInt());
            case 8: return f.booleanNode(r.nextBoolean());
            case 9: return f.nullNode();
            case 10: return f.binaryNode(new byte[] {1, 2, (byte) r.nextInt()});
            case 11: return f.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue("{\"raw\":[1,2]}"));
            case 12: return f.numberNode(new java.math.BigDecimal("1.50"));
            case 13: return f.textNode("");
            case 14: case 15: {
                com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.set(randomText(r), randomNode(r, depth + 1));
                }
                return o;
            }
            default: {
                com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(randomNode(r, depth + 1));
                }
                return a;
            }
        }
    }

    private static String randomText(java.util.Random r) {
        String alphabet = "abcXYZ019_-./ \"\\\n\t\u0000\u001f\u007fé\u2028\uD83D\uDE00\uD800";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
