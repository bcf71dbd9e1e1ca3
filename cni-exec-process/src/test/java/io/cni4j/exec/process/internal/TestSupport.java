package io.cni4j.exec.process.internal;

import io.cni4j.api.spi.ExecRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

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
}
