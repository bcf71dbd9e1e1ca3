package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.exec.jna.probe.ProbeMain;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module as an application sees it, in child JVMs: found by ServiceLoader on the module path and
 * on the class path, and turned off by the system property, which only a fresh JVM can show since
 * the probe runs once.
 */
class DiscoveryTest {

    private static final String MODULE_PATH = System.getProperty("jdk.module.path", "");
    private static final Path TEST_CLASSES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
            "target", "test-classes");

    @Test
    @DisplayName("module path: ServiceLoader finds provider jna with priority 20, available")
    void modulePath() throws Exception {
        List<String> out = child(List.of("--module-path", MODULE_PATH, "--add-modules", "io.cni4j.exec.jna"));
        assertThat(out).contains("available=true", "cause=", "provider=jna,20,true");
    }

    @Test
    @DisplayName("class path: META-INF/services registers the same provider")
    void classPath() throws Exception {
        List<String> out = child(List.of());
        assertThat(out).contains("available=true", "provider=jna,20,true");
    }

    @Test
    @DisplayName("-Dio.cni4j.exec.jna.disable=true: unavailable with the reason, still listed so the engine can skip it")
    void killSwitch() throws Exception {
        List<String> out = child(List.of("-Dio.cni4j.exec.jna.disable=true", "--module-path", MODULE_PATH,
                "--add-modules", "io.cni4j.exec.jna"));
        assertThat(out).contains("available=false", "provider=jna,20,false");
        assertThat(out).anyMatch(line -> line.startsWith("cause=") && line.contains("io.cni4j.exec.jna.disable=true"));
    }

    private static List<String> child(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED,com.sun.jna");
        command.addAll(options);
        String classPath = TEST_CLASSES.toString();
        if (!options.contains("--module-path")) {
            classPath = MODULE_PATH + File.pathSeparator + classPath;
        }
        command.addAll(List.of("-cp", classPath, ProbeMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child JVM output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
