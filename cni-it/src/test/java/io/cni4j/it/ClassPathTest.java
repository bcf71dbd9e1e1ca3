package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The process executor is found on the plain class path too, through its META-INF/services file. */
class ClassPathTest {

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    @DisplayName("on the class path discovery finds and selects the process provider via META-INF/services")
    void classPath() throws Exception {
        ExecutorProvider process = ExecutorDiscovery.select("process");
        String classPath = String.join(File.pathSeparator, location(ExecutorProvider.class),
                location(ExecutorDiscovery.class), location(process.getClass()), location(ClassPathProbe.class));
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ClassPathProbe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).as(output).containsSubsequence(
                List.of("found=[process]", "selected=process", "module=false"));
    }
}
