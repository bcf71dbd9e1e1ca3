package io.cni4j.exec.jna.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * The native half of the availability probe, kept apart so that {@link Availability} itself loads
 * even when JNA is missing. It binds {@link LibC} and makes real, harmless calls. Internal usage only.
 */
final class NativeProbe {

    private NativeProbe() {
    }

    /**
     * Binds libc, exercises the calls the module needs, and detects the optional features.
     *
     * @return the optional features
     * @throws Exception if something the module needs is missing or fails
     */
    static Features run() throws Exception {
        if (Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("needs a 64-bit JVM (native long is " + Native.LONG_SIZE + " bytes)");
        }
        int[] fds = new int[2];
        if (LibC.pipe2(fds, Linux.O_CLOEXEC) != 0) {
            throw ErrnoException.last("pipe2", null);
        }
        LibC.close(fds[0]);
        LibC.close(fds[1]);
        try (Memory set = new Memory(Linux.SIZEOF_SIGSET)) {
            if (LibC.sigemptyset(set) != 0) {
                throw ErrnoException.last("sigemptyset", null);
            }
        }
        int self = LibC.open(Namespaces.THREAD_NETNS, Linux.O_RDONLY | Linux.O_CLOEXEC);
        if (self < 0) {
            throw ErrnoException.last("open", Namespaces.THREAD_NETNS);
        }
        LibC.close(self);
        return new Features(closeFromWorks(), pidfdWorks());
    }

    private static boolean closeFromWorks() {
        if (!OptionalLibC.hasSymbol(OptionalLibC.CloseFrom.SYMBOL)) {
            return false;
        }
        try (Memory actions = new Memory(Linux.SIZEOF_SPAWN_FILE_ACTIONS)) {
            LibC.posix_spawn_file_actions_init(actions);
            try {
                return OptionalLibC.CloseFrom.posix_spawn_file_actions_addclosefrom_np(actions, 3) == 0;
            } finally {
                LibC.posix_spawn_file_actions_destroy(actions);
            }
        } catch (LinkageError e) {
            return false;
        }
    }

    private static boolean pidfdWorks() {
        if (!OptionalLibC.hasSymbol(OptionalLibC.Pidfd.SYMBOL)) {
            return false;
        }
        try {
            int fd = OptionalLibC.Pidfd.pidfd_open(LibC.getpid(), 0);
            if (fd < 0) {
                return false; // ENOSYS before Linux 5.3
            }
            LibC.close(fd);
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }
}
