package io.cni4j.tool;

import io.cni4j.testkit.RootTestGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The gate and helpers of the tests that run the real tool against the real plugins: they need root,
 * the private network and mount namespace the test JVM gets from build-support/netns-java (so no
 * bridge or namespace reaches the machine), and the plugins. Missing any, they skip, or fail when
 * {@code CNI4J_REQUIRE_ROOT_TESTS=1} (as CI sets it).
 */
final class RealEnvironment {

    /** Where Debian's containernetworking-plugins installs the plugins. */
    static final Path PLUGINS = Path.of("/usr/lib/cni");
    /** What {@link #require} names when it skips or fails a test. */
    private static final String WHAT = "real plugin test";

    private RealEnvironment() {
    }

    /**
     * Skips or fails the current test unless it can run for real: root, the private namespace and the
     * plugins ({@link RootTestGate}).
     *
     * @param plugins the plugins the test needs
     */
    static void require(String... plugins) {
        RootTestGate.requireRoot(WHAT);
        RootTestGate.requirePrivateNetworkNamespace(WHAT);
        RootTestGate.skipOrFail(WHAT, missingPlugin(List.of(plugins)));
    }

    private static Optional<String> missingPlugin(List<String> plugins) {
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
