package io.cni4j.exec.jna.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inodes that tell network namespaces apart, for the tests that check which namespace a thread is in. */
final class NetnsInodes {

    private NetnsInodes() {
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
