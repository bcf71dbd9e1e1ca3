package io.cni4j.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ConfigFiles#read} takes the size it saw as a hint only and reads every byte up to the limit. */
class ConfigFilesReadTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4095, 4096, 8191, 8192, 8193, 100_000, ConfigFiles.MAX_FILE_SIZE})
    void readsEveryByte(int size) throws Exception {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Path file = Files.write(dir.resolve("f.conf"), content);
        assertThat(ConfigFiles.read(file)).isEqualTo(content);
    }

    @Test
    @DisplayName("a file whose stat size is 0 but which has content (procfs) is read to its end")
    void aFileThatSaysItIsEmptyIsReadToItsEnd() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status), "no procfs");
        assertThat(Files.readAttributes(status, BasicFileAttributes.class).size()).isZero();
        String text = new String(ConfigFiles.read(status), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Name:").contains("\nPid:").endsWith("\n");
    }
}
