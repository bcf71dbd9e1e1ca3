package io.cni4j.exec.jna.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The testkit's rule for root-only tests, for the tests of this module that need root but no
 * {@code TestNetns}: skip without effective uid 0 and CAP_SYS_ADMIN, but fail instead when
 * {@code CNI4J_REQUIRE_ROOT_TESTS=1} (CI), so they can never silently stop running there.
 */
final class RootTests {

    private static final long CAP_SYS_ADMIN = 1L << 21;

    private RootTests() {
    }

    static void requireRoot(String what) {
        String problem = missingRoot();
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv("CNI4J_REQUIRE_ROOT_TESTS"))) {
            Assertions.fail(what + " cannot run: " + problem + "; failing because CNI4J_REQUIRE_ROOT_TESTS=1");
        }
        Assumptions.abort(what + " skipped: " + problem);
    }

    private static String missingRoot() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/status"));
        } catch (IOException e) {
            return "cannot read /proc/self/status";
        }
        String uid = null;
        long capEff = 0;
        for (String line : lines) {
            if (line.startsWith("Uid:")) {
                uid = line.substring(4).trim().split("\\s+")[1];
            } else if (line.startsWith("CapEff:")) {
                capEff = Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        if (!"0".equals(uid)) {
            return "not root (effective uid " + uid + ")";
        }
        return (capEff & CAP_SYS_ADMIN) == 0 ? "no CAP_SYS_ADMIN" : null;
    }

    /** @return the inode of the calling thread's network namespace */
    static long threadNetnsInode() throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString(); // net:[4026531840]
        return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
    }

    /** @return the inode of a file, following links */
    static long inode(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
    }
}
