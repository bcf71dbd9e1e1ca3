package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generative fuzzing of configuration parsing: {@link JsonMutator#CASES} mutants of every file of the
 * real-world corpus (27 files, 5,400 mutants by default), each parsed as a list and as a single plugin
 * configuration. The only documented outcomes are a valid {@link NetworkConfigList} /
 * {@link PluginConfig} or an {@link InvalidConfigException}; any other exception, or a hang (the
 * preemptive timeout), fails with the seed to replay the case. {@code -Dcni4j.fuzz.seed=N} and
 * {@code -Dcni4j.fuzz.cases=N} vary the run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConfigFuzzTest {

    static Stream<Path> corpusFiles() throws Exception {
        return ConfigBadInputTest.corpusFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    @DisplayName("mutants of a real-world file parse or fail with InvalidConfigException, nothing else")
    void mutants(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        int checked = JsonMutator.forEachMutant(file.getFileName().toString(), original, JsonMutator.CASES, mutant -> {
            asList(mutant);
            asPlugin(mutant);
        });
        assertThat(checked).isEqualTo(JsonMutator.CASES);
    }

    /** A list that parses keeps its bytes as source, has plugins, and each plugin's source parses again. */
    private static void asList(byte[] mutant) throws InvalidConfigException {
        NetworkConfigList list;
        try {
            list = NetworkConfigs.parseConfList(mutant);
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(list.source()).isEqualTo(new String(mutant, StandardCharsets.UTF_8));
        assertThat(list.plugins()).isNotEmpty();
        for (PluginConfig plugin : list.plugins()) {
            assertThat(NetworkConfigs.parsePluginConf(plugin.source().getBytes(StandardCharsets.UTF_8)).type())
                    .isEqualTo(plugin.type());
        }
    }

    /** A plugin configuration that parses upgrades to a list or fails with InvalidConfigException. */
    private static void asPlugin(byte[] mutant) {
        PluginConfig plugin;
        try {
            plugin = NetworkConfigs.parsePluginConf(mutant);
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(plugin.type()).isNotEmpty();
        try {
            NetworkConfigList list = NetworkConfigs.confListFromConf(plugin);
            assertThat(list.plugins()).hasSize(1);
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
