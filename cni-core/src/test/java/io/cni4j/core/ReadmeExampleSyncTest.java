package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's quick start must be exactly the body of {@link ReadmeExample}, which the build compiles. */
class ReadmeExampleSyncTest {

    private static List<String> significantLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    @DisplayName("the README's quick start block is ReadmeExample.run's try block, line for line")
    void readmeShowsTheCompiledExample() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        String example = Files.readString(root.resolve("cni-core/src/test/java/io/cni4j/core/ReadmeExample.java"));

        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        String block = quickStart.substring(quickStart.indexOf("```java") + 7, quickStart.indexOf("```", 7 + quickStart.indexOf("```java")));
        String body = example.substring(example.indexOf("try (Cni cni"), example.indexOf("return eth0.address()"));

        assertThat(significantLines(block)).isEqualTo(significantLines(body + "}"));
    }
}
