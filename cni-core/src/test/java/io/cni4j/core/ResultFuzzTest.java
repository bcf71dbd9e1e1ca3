package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generative fuzzing of results: mutants of the §4.3&ndash;4.5 examples in every version (7 versions,
 * {@code 2 * }{@link JsonMutator#CASES} each, 2,800 by default) through every entry point:
 * {@link CniResults#parse(byte[])}, {@link CniResults#parse(String, byte[])} and
 * {@link CniResults#fromPluginOutput}. Each ends in a result or an {@link InvalidResultException}; a
 * result then writes, reads back equal, converts to every version (or fails with
 * {@link InvalidResultException}) and merges (likewise). Anything else fails with the seed to replay.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultFuzzTest {

    static List<String> versions() {
        return ResultExamples.VERSIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    @DisplayName("mutants of a version's example parse, convert and merge, or fail with InvalidResultException")
    void mutants(String version) {
        byte[] example = ResultExamples.example(version).getBytes(StandardCharsets.UTF_8);
        int checked = JsonMutator.forEachMutant("result " + version, example, 2 * JsonMutator.CASES, mutant -> {
            List<CniResult> parsed = new ArrayList<>();
            for (ResultParser parser : List.<ResultParser>of(CniResults::parse, m -> CniResults.parse(version, m),
                    m -> CniResults.fromPluginOutput(version, m))) {
                try {
                    parsed.add(parser.parse(mutant));
                } catch (InvalidResultException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
            for (CniResult result : parsed) {
                usable(result);
            }
        });
        assertThat(checked).isEqualTo(2 * JsonMutator.CASES);
    }

    /** What a parsed result must allow: writing it back, converting it, merging it. */
    private static void usable(CniResult result) throws InvalidResultException {
        assertThat(CniResults.parse(CniResults.write(result))).as("read back").isEqualTo(result);
        for (String to : ResultExamples.VERSIONS) {
            try {
                CniResult converted = CniResults.convert(result, to);
                assertThat(CniResults.parse(CniResults.write(converted)).cniVersion()).isEqualTo(to);
            } catch (InvalidResultException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        try {
            assertThat(CniResults.merge(List.of(result, result), "eth").raw()).hasSize(2);
        } catch (InvalidResultException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** One of the parsing entry points. */
    @FunctionalInterface
    private interface ResultParser {
        CniResult parse(byte[] json) throws InvalidResultException;
    }
}
