package io.cni4j.core;

import static io.cni4j.core.ResultExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** libcni's {@code fixupResultVersion} (§3.4, A21). */
class CniResultsPluginOutputTest {

    @Test
    @DisplayName("a result without cniVersion has the config's version")
    void missingVersionTakesConfigVersion() throws Exception {
        CniResult result = CniResults.fromPluginOutput("0.3.1", bytes("""
                {"ips":[{"version":"4","address":"10.1.2.3/24"}]}"""));

        assertThat(result.cniVersion()).isEqualTo("0.3.1");
        assertThat(result.ips()).hasSize(1);
    }

    @Test
    @DisplayName("an empty cniVersion is replaced by the config's version")
    void emptyVersionTakesConfigVersion() throws Exception {
        assertThat(CniResults.fromPluginOutput("0.3.1", bytes("{\"cniVersion\":\"\"}")).cniVersion()).isEqualTo("0.3.1");
    }

    @Test
    @DisplayName("a config without version means 0.1.0")
    void configWithoutVersion() throws Exception {
        assertThat(CniResults.fromPluginOutput("", bytes("{\"some\":\"version-info\"}")).cniVersion()).isEqualTo("0.1.0");
        assertThat(CniResults.fromPluginOutput(null, bytes("{}")).cniVersion()).isEqualTo("0.1.0");
    }

    @Test
    @DisplayName("the result's own version wins over the config's, without conversion")
    void resultVersionWins() throws Exception {
        CniResult result = CniResults.fromPluginOutput("0.4.0", bytes(ResultExamples.v100("1.0.0")));

        assertThat(result).isEqualTo(CniResults.parse(bytes(ResultExamples.v100("1.0.0"))));
    }

    @Test
    @DisplayName("a cniVersion that is not a string is replaced by the config's version")
    void nonStringVersionReplaced() throws Exception {
        assertThat(CniResults.fromPluginOutput("0.4.0", bytes("{\"cniVersion\":4}")).cniVersion()).isEqualTo("0.4.0");
    }

    @Test
    @DisplayName("null output is an empty result of the config's version")
    void nullIsEmptyObject() throws Exception {
        CniResult result = CniResults.fromPluginOutput("1.1.0", bytes("null"));

        assertThat(result).isEqualTo(new CniResult("1.1.0", null, null, null, null));
    }

    @Test
    @DisplayName("output that is not a JSON object fails with libcni's prefix")
    void notAnObject() {
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", new byte[0]))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("failed to unmarshal raw result: unexpected end of JSON input");
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", bytes("[1]")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("failed to unmarshal raw result: expected a JSON object, got an array (output: \"[1]\")");
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", bytes("\"1.1.0\"")))
                .hasMessageStartingWith("failed to unmarshal raw result: expected a JSON object, got a string");
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", bytes("plugin says hello")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("failed to unmarshal raw result: ")
                .hasMessageContaining("plugin says hello");
    }

    @Test
    @DisplayName("huge garbage output is quoted only in part")
    void hugeGarbageQuotedInPart() {
        byte[] garbage = bytes("x".repeat(1_000_000));

        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", garbage))
                .isInstanceOf(InvalidResultException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    @DisplayName("an unknown version, from the result or from the config, is refused")
    void unknownVersions() {
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.1.0", bytes("{\"cniVersion\":\"0.4567.0\"}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("unsupported CNI result version \"0.4567.0\"");
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.2.3", bytes("{}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("unsupported CNI result version \"1.2.3\"");
    }

    @Test
    @DisplayName("a result that is invalid for its version names the field")
    void invalidField() {
        assertThatThrownBy(() -> CniResults.fromPluginOutput("1.0.0", bytes("{\"ips\":[{\"address\":\"x\"}]}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("ips[0].address: invalid CIDR address: \"x\"");
    }
}
