package io.cni4j.exec.jna.internal;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc functions this module calls, bound with JNA's direct mapping ({@link Native#register})
 * so that a call costs little more than JNI. Internal usage only.
 *
 * <p>Every declaration has a fixed arity (direct mapping has no varargs); {@code open} is declared
 * without its optional mode, which is only read with {@code O_CREAT}. {@code size_t} and
 * {@code unsigned long} are {@code long}: the availability probe refuses JVMs whose native long is
 * not 64 bits. Functions that return -1 leave {@code errno} in {@link Native#getLastError()};
 * the {@code posix_spawn} family returns the error number instead. Binding fails as a whole when a
 * symbol is missing, so functions that older C libraries lack live in {@link OptionalLibC}.
 */
final class LibC {

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    // ------------------------------------------------------------------ spawning

    static native int posix_spawn(int[] pid, Pointer path, Pointer fileActions, Pointer attributes, Pointer argv,
                                  Pointer envp);

    static native int posix_spawn_file_actions_init(Pointer fileActions);

    static native int posix_spawn_file_actions_destroy(Pointer fileActions);

    static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

    static native int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

    static native int posix_spawnattr_init(Pointer attributes);

    static native int posix_spawnattr_destroy(Pointer attributes);

    static native int posix_spawnattr_setflags(Pointer attributes, short flags);

    static native int posix_spawnattr_setpgroup(Pointer attributes, int processGroup);

    static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer signalSet);

    static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signalSet);

    static native int sigemptyset(Pointer signalSet);

    // ------------------------------------------------------------------ pipes and processes

    static native int pipe2(int[] fds, int flags);

    static native int close(int fd);

    static native long read(int fd, Pointer buffer, long count);

    static native long write(int fd, Pointer buffer, long count);

    static native int poll(Pointer pollFds, long count, int timeoutMillis);

    static native int kill(int pid, int signal);

    static native int waitpid(int pid, int[] status, int options);

    static native int waitid(int idType, int id, Pointer signalInfo, int options);

    static native int getpid();

    // ------------------------------------------------------------------ namespaces and mounts

    // Paths are passed as NUL-terminated bytes: JNA would convert a String argument with an upcall
    // into Java for each call, which cost mount(2) more than the mount itself. The String forms
    // encode the same way, in JNA's encoding.

    static native int open(byte[] path, int flags);

    static int open(String path, int flags) {
        return open(cString(path), flags);
    }

    static native int unshare(int flags);

    static native int setns(int fd, int namespaceType);

    static native int mount(byte[] source, byte[] target, byte[] fsType, long flags, Pointer data);

    static int mount(String source, String target, String fsType, long flags, Pointer data) {
        return mount(cString(source), cString(target), cString(fsType), flags, data);
    }

    static native int umount2(byte[] target, int flags);

    static int umount2(String target, int flags) {
        return umount2(cString(target), flags);
    }

    static native int statfs(byte[] path, Pointer buffer);

    static int statfs(String path, Pointer buffer) {
        return statfs(cString(path), buffer);
    }

    static native String strerror(int errno);

    /**
     * A C string for a path or name argument.
     *
     * @param s the string, or {@code null}
     * @return its bytes in JNA's encoding with a NUL at the end, as JNA passes a String; {@code null}
     *     for {@code null}
     */
    static byte[] cString(String s) {
        return s == null ? null : Native.toByteArray(s);
    }
}
