package io.cni4j.testkit.internal.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need root: skip with the reason when the machine cannot run them, but fail
 * instead when the environment variable {@value #REQUIRE_ENV} is {@code 1} (CI sets it, so root tests
 * can never silently stop running there).
 */
public final class RootGate {

    /** The environment variable that turns skips of root tests into failures. */
    public static final String REQUIRE_ENV = "CNI4J_REQUIRE_ROOT_TESTS";

    private static final long CAP_SYS_ADMIN = 1L << 21;

    private RootGate() {
    }

    /** @return {@code true} if {@value #REQUIRE_ENV} is {@code 1} */
    public static boolean rootTestsRequired() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /**
     * Skips or fails the current test unless this process is root with {@code CAP_SYS_ADMIN}.
     *
     * @param what what needs root, for the message, e.g. {@code real network namespace test}
     */
    public static void requireRoot(String what) {
        check(missingRoot(readStatus()), rootTestsRequired(), what);
    }

    /**
     * Skips or fails the current test if there is a problem.
     *
     * @param problem why the test cannot run, or empty if it can
     * @param required whether root tests are required (then a problem fails the test)
     * @param what what cannot run, for the message
     */
    public static void check(Optional<String> problem, boolean required, String what) {
        if (problem.isEmpty()) {
            return;
        }
        if (required) {
            Assertions.fail(what + " cannot run: " + problem.get() + "; failing instead of skipping because "
                    + REQUIRE_ENV + "=1");
        }
        Assumptions.abort(what + " skipped: " + problem.get() + " (set " + REQUIRE_ENV + "=1 to fail instead)");
    }

    /**
     * Tells why a process with this {@code /proc/self/status} is not root enough for namespaces.
     *
     * @param statusLines the lines of {@code /proc/self/status}, or {@code null} if unreadable
     * @return the reason, or empty when the effective uid is 0 and {@code CAP_SYS_ADMIN} is effective
     */
    public static Optional<String> missingRoot(List<String> statusLines) {
        if (statusLines == null) {
            return Optional.of("cannot read /proc/self/status (not Linux?)");
        }
        String uid = field(statusLines, "Uid:", 1);
        String capEff = field(statusLines, "CapEff:", 0);
        if (!"0".equals(uid)) {
            return Optional.of("not running as root (effective uid " + uid + ")");
        }
        try {
            if (capEff == null || (Long.parseUnsignedLong(capEff, 16) & CAP_SYS_ADMIN) == 0) {
                return Optional.of("running as root without CAP_SYS_ADMIN (CapEff " + capEff + ")");
            }
        } catch (NumberFormatException e) {
            return Optional.of("cannot read CapEff \"" + capEff + "\" in /proc/self/status");
        }
        return Optional.empty();
    }

    private static String field(List<String> lines, String key, int index) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return index < parts.length ? parts[index] : null;
            }
        }
        return null;
    }

    private static List<String> readStatus() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
