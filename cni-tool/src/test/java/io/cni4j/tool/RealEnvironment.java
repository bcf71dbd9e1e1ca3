package io.cni4j.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate and helpers of the tests that run the real tool against the real plugins: they need root,
 * the private network and mount namespace the test JVM gets from build-support/netns-java (so no
 * bridge or namespace reaches the machine), and the plugins. Missing any, they skip, or fail when
 * {@code CNI4J_REQUIRE_ROOT_TESTS=1} (as CI sets it).
 */
final class RealEnvironment {

    /** Where Debian's containernetworking-plugins installs the plugins. */
    static final Path PLUGINS = Path.of("/usr/lib/cni");

    private RealEnvironment() {
    }

    /**
     * Skips or fails the current test unless it can run for real.
     *
     * @param plugins the plugins the test needs
     */
    static void require(String... plugins) {
        Optional<String> problem = problem(List.of(plugins));
        if (problem.isEmpty()) {
            return;
        }
        if ("1".equals(System.getenv("CNI4J_REQUIRE_ROOT_TESTS"))) {
            Assertions.fail("real plugin test cannot run: " + problem.get()
                    + "; failing instead of skipping because CNI4J_REQUIRE_ROOT_TESTS=1");
        }
        Assumptions.abort("real plugin test skipped: " + problem.get());
    }

    private static Optional<String> problem(List<String> plugins) {
        try {
            String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.substring(4).trim().split("\\s+")[1])
                    .findFirst().orElse("?");
            if (!uid.equals("0")) {
                return Optional.of("not root (effective uid " + uid + ")");
            }
            boolean privateNamespace = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .anyMatch(l -> l.contains(" /run/netns ") && l.contains(" cni4j-netns "));
            if (!privateNamespace) {
                return Optional.of("the test JVM is not in the private network namespace of build-support/netns-java"
                        + " (no cni4j-netns tmpfs on /run/netns)");
            }
        } catch (IOException e) {
            return Optional.of("cannot inspect /proc: " + e);
        }
        for (String plugin : plugins) {
            if (!Files.isRegularFile(PLUGINS.resolve(plugin))) {
                return Optional.of("plugin " + PLUGINS.resolve(plugin) + " is missing (apt-get install containernetworking-plugins)");
            }
        }
        return Optional.empty();
    }

    /**
     * How a run of the tool ended.
     *
     * @param status the exit status
     * @param out its stdout
     * @param err its stderr
     */
    record Run(int status, String out, String err) {
    }

    /**
     * Runs the real tool in this JVM.
     *
     * @param args the command line
     * @return its outcome
     */
    static Run cni4j(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
