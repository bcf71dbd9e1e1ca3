package io.cni4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need root or the real machine: skip with the reason when this machine
 * cannot run them, but fail instead when the environment variable {@value #REQUIRE_ENV} is {@code 1}
 * (CI sets it, so such tests can never silently stop running there).
 *
 * <p>Call it at the start of a test or in {@code @BeforeAll}/{@code @BeforeEach}: {@link #requireRoot}
 * for tests that make namespaces, {@link #requirePrivateNetworkNamespace} in addition for tests that
 * change network state or {@code /run/netns}, and {@link #skipOrFail} for any other precondition
 * (plugins installed, tools present).
 */
public final class RootTestGate {

    /** The environment variable that turns skips of root tests into failures. */
    public static final String REQUIRE_ENV = "CNI4J_REQUIRE_ROOT_TESTS";

    private static final long CAP_SYS_ADMIN = 1L << 21;
    private static final String RUN_NETNS = "/run/netns";
    /** The source name build-support/netns-java/bin/java gives its tmpfs on {@code /run/netns}. */
    private static final String PRIVATE_TMPFS = "cni4j-netns";

    private RootTestGate() {
    }

    /** @return {@code true} if {@value #REQUIRE_ENV} is {@code 1}, so a test that cannot run fails */
    static boolean rootTestsRequired() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /**
     * Skips or fails the current test unless this process is root (effective uid 0) with
     * {@code CAP_SYS_ADMIN}, which making and entering network namespaces needs.
     *
     * @param what what needs root, for the message, e.g. {@code real network namespace test}
     */
    public static void requireRoot(String what) {
        skipOrFail(what, missingRoot(readLines("/proc/self/status")));
    }

    /**
     * Skips or fails the current test unless the test JVM runs in the private network and mount
     * namespace that build-support/netns-java/bin/java gives it: its own network namespace (not its
     * parent's) and the {@code cni4j-netns} tmpfs on {@code /run/netns}. Only there may a test change
     * links, routes, firewall rules or {@code /run/netns}, because all of it vanishes with the JVM
     * instead of reaching the machine.
     *
     * @param what what needs the private namespace, for the message
     */
    public static void requirePrivateNetworkNamespace(String what) {
        skipOrFail(what, notPrivate(readLines("/proc/self/mountinfo"), netnsLink(ProcessHandle.current().pid()),
                netnsLink(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L))));
    }

    /**
     * Skips or fails the current test if it has a problem: aborts it with the reason, or fails it
     * when {@value #REQUIRE_ENV} is {@code 1}. Both messages say what cannot run and why.
     *
     * @param what what cannot run, for the message, e.g. {@code real plugin test}
     * @param problem why it cannot run, or empty if it can (then this returns normally)
     */
    public static void skipOrFail(String what, Optional<String> problem) {
        skipOrFail(what, problem, rootTestsRequired());
    }

    static void skipOrFail(String what, Optional<String> problem, boolean required) {
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
    static Optional<String> missingRoot(List<String> statusLines) {
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

    /**
     * Tells why a JVM is not in the private namespace of build-support/netns-java.
     *
     * @param mountInfo the lines of {@code /proc/self/mountinfo}, or {@code null} if unreadable
     * @param ownNetns this process's {@code /proc/<pid>/ns/net} link, e.g. {@code net:[4026532281]},
     *     or {@code null} if unreadable
     * @param parentNetns the parent process's link, or {@code null} if unreadable
     * @return the reason, or empty when the JVM has its own network namespace and the private tmpfs
     */
    static Optional<String> notPrivate(List<String> mountInfo, String ownNetns, String parentNetns) {
        if (ownNetns == null || parentNetns == null) {
            return Optional.of("cannot compare this JVM's network namespace with its parent's in /proc");
        }
        if (ownNetns.equals(parentNetns)) {
            return Optional.of("the test JVM shares the network namespace of its parent process (" + ownNetns
                    + "), so it is not in the private namespace of build-support/netns-java/bin/java");
        }
        if (mountInfo == null) {
            return Optional.of("cannot read /proc/self/mountinfo");
        }
        String top = null;
        for (String line : mountInfo) {
            int separator = line.indexOf(" - ");
            String[] mount = line.split(" ");
            if (separator > 0 && mount.length > 4 && mount[4].equals(RUN_NETNS)) {
                top = line.substring(separator + 3); // the last mount on /run/netns is the one in effect
            }
        }
        String[] fs = top == null ? new String[0] : top.split(" ");
        if (fs.length < 2 || !fs[0].equals("tmpfs") || !fs[1].equals(PRIVATE_TMPFS)) {
            return Optional.of(RUN_NETNS + " is not the private " + PRIVATE_TMPFS
                    + " tmpfs of build-support/netns-java/bin/java (it is " + (top == null ? "not mounted" : top) + ")");
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

    private static String netnsLink(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> readLines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
