package io.cni4j.exec.process.internal;

import static org.assertj.core.api.Assertions.fail;

import io.cni4j.api.spi.ExecRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Script plugins, requests and process checks shared by the executor and netns tests. */
final class TestSupport {

    /** A PATH for script plugins, so that they find sleep, head, cat and friends. */
    static final String PATH = "PATH=/usr/local/bin:/usr/bin:/bin";
    static final long MIB = 1024 * 1024;

    private TestSupport() {
    }

    /**
     * Writes an executable POSIX sh script.
     *
     * @param dir the directory
     * @param name the file name
     * @param body the lines after the shebang
     * @return the script's path
     */
    static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    static ExecRequest request(Path executable, byte[] stdin, Duration timeout, long maxOutput, List<String> env) {
        return new ExecRequest(executable, stdin, env, timeout, maxOutput);
    }

    static ExecRequest request(Path executable, Duration timeout) {
        return request(executable, new byte[0], timeout, 16 * MIB, List.of(PATH));
    }

    /** Reads the pid a script wrote, waiting until the script has written it. */
    static long awaitPid(Path pidFile) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).trim();
                if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the script never wrote " + pidFile);
    }

    /**
     * Whether the process is gone. Orphans are reaped by init, which may take a moment; a zombie
     * counts as gone ({@link ProcessHandle} does not report zombies either).
     */
    static boolean eventuallyGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(20);
            } else {
                return true;
            }
        }
        return false;
    }

    /** Skips (or, with {@code CNI4J_REQUIRE_ROOT_TESTS=1}, fails) a test that needs root. */
    static void requireRoot() {
        boolean root = ProcessNetnsManager.hasCapSysAdmin() && uid() == 0;
        if (!root) {
            String why = "needs root with CAP_SYS_ADMIN (this process has uid " + uid() + ")";
            if ("1".equals(System.getenv("CNI4J_REQUIRE_ROOT_TESTS"))) {
                fail("CNI4J_REQUIRE_ROOT_TESTS=1 but this test " + why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * Skips (or, with {@code CNI4J_REQUIRE_ROOT_TESTS=1}, fails) a test that writes to
     * {@code /run/netns} unless that is the private tmpfs that build-support/netns-java mounts for
     * the test JVM, so that nothing can leak onto the machine.
     */
    static void requirePrivateRunNetns() throws IOException {
        boolean isPrivate = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .anyMatch(line -> line.split(" ")[4].equals("/run/netns") && line.contains(" - tmpfs cni4j-netns "));
        if (!isPrivate) {
            String why = "/run/netns is not the private tmpfs of build-support/netns-java/bin/java";
            if ("1".equals(System.getenv("CNI4J_REQUIRE_ROOT_TESTS"))) {
                fail("CNI4J_REQUIRE_ROOT_TESTS=1 but " + why);
            }
            Assumptions.abort(why);
        }
    }

    static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return -1;
    }
}
