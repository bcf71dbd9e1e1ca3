package io.cni4j.exec.jna.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a plugin with {@code posix_spawn(3)}: no {@code jspawnhelper}, no fork of the JVM's address
 * space (glibc uses {@code clone(CLONE_VM|CLONE_VFORK)}). Internal usage only.
 *
 * <p>The child gets three fresh pipes on descriptors 0, 1 and 2 and nothing else of the JVM: the
 * pipes are created close-on-exec, and since not every descriptor of the JVM is (a
 * {@code FileOutputStream}'s is not), the child closes every descriptor from 3 up before it
 * executes the plugin ({@code addclosefrom_np}, or one {@code addclose} per descriptor listed in
 * {@code /proc/self/fd} when the C library lacks it). It runs in a process group of its own so that
 * a kill reaches the processes it starts; its signal mask is empty and every signal has its default
 * action (the JVM blocks some signals in its threads). Its argv is just the executable's path and its
 * environment exactly the request's (UTF-8).
 *
 * <p>What posix_spawn reads (its file actions, attributes, signal sets, argv, envp and their strings)
 * is laid out in one native allocation per spawn, freed when posix_spawn has returned: JNA's
 * {@code StringArray} would make one allocation per environment entry, each registered with JNA's
 * cleaner and left for the garbage collector.
 */
final class Spawner {

    private static final short SPAWN_FLAGS =
            Linux.POSIX_SPAWN_SETPGROUP | Linux.POSIX_SPAWN_SETSIGDEF | Linux.POSIX_SPAWN_SETSIGMASK;

    // One native allocation per spawn holds everything posix_spawn reads, at these offsets (all
    // multiples of 16), followed by the strings that argv and envp point to.
    private static final int POINTER_SIZE = 8;
    private static final long ACTIONS = 0;
    private static final long ATTRIBUTES = ACTIONS + Linux.SIZEOF_SPAWN_FILE_ACTIONS;
    private static final long NO_SIGNALS = ATTRIBUTES + Linux.SIZEOF_SPAWNATTR;
    private static final long ALL_SIGNALS = NO_SIGNALS + Linux.SIZEOF_SIGSET;
    private static final long ARGV = ALL_SIGNALS + Linux.SIZEOF_SIGSET; // the path, NULL
    private static final long ENVP = ARGV + 2 * POINTER_SIZE; // the entries, NULL

    private Spawner() {
    }

    /**
     * Starts the executable.
     *
     * @param executable the absolute path of the executable
     * @param environment the {@code NAME=value} entries
     * @param features the optional native features to use
     * @return the running child with the parent's ends of its pipes
     * @throws PluginExecutionException {@link Reason#TEXT_FILE_BUSY} for {@code ETXTBSY},
     *     {@link Reason#START_FAILED} for other start failures, {@link Reason#IO_FAILURE} when the
     *     pipes cannot be made; the message names the path
     */
    static ChildProcess start(Path executable, List<String> environment, Features features)
            throws PluginExecutionException {
        String path = executable.toString();
        checkNoNul(path, environment);
        int[] stdin = new int[] {-1, -1};
        int[] stdout = new int[] {-1, -1};
        int[] stderr = new int[] {-1, -1};
        boolean started = false;
        try {
            pipe(stdin, path);
            pipe(stdout, path);
            pipe(stderr, path);
            // dup2 onto 0, 1, 2 in this order must not overwrite a later source: only possible if this
            // JVM runs with descriptor 0, 1 or 2 closed and another thread raced for them
            if (stdout[1] == 0 || stderr[1] == 0 || stderr[1] == 1) {
                throw new PluginExecutionException(Reason.IO_FAILURE, "cannot start plugin " + path
                        + ": the JVM's standard descriptors 0-2 are not open, pipes landed on them", null);
            }
            int pid = spawn(path, environment, stdin[0], stdout[1], stderr[1], features);
            started = true;
            closeQuietly(stdin[0]);
            int pidfd = features.pidfd() ? OptionalLibC.Pidfd.pidfd_open(pid, 0) : -1;
            if (pidfd < 0) {
                closeQuietly(stdout[1]);
                closeQuietly(stderr[1]);
                return new ChildProcess(pid, -1, stdin[1], stdout[0], stderr[0], -1, -1);
            }
            return new ChildProcess(pid, pidfd, stdin[1], stdout[0], stderr[0], stdout[1], stderr[1]);
        } finally {
            if (!started) {
                for (int fd : new int[] {stdin[0], stdin[1], stdout[0], stdout[1], stderr[0], stderr[1]}) {
                    closeQuietly(fd);
                }
            }
        }
    }

    private static int spawn(String path, List<String> environment, int childStdin, int childStdout, int childStderr,
                             Features features) throws PluginExecutionException {
        byte[] pathBytes = Native.toByteArray(path); // NUL-terminated, in JNA's encoding, as a String argument would be
        byte[][] entries = new byte[environment.size()][];
        int vectorsSize = (2 + entries.length + 1) * POINTER_SIZE; // argv, then envp
        int stringsSize = pathBytes.length;
        for (int i = 0; i < entries.length; i++) {
            entries[i] = environment.get(i).getBytes(StandardCharsets.UTF_8);
            stringsSize += entries[i].length + 1;
        }
        try (Memory block = new Memory(ARGV + vectorsSize + stringsSize)) {
            // argv, envp and the strings are written as one array: one native call, not three per entry
            long stringAddress = Pointer.nativeValue(block) + ARGV + vectorsSize;
            ByteBuffer vectors = ByteBuffer.allocate(vectorsSize + stringsSize).order(ByteOrder.nativeOrder());
            ByteBuffer strings = vectors.duplicate().position(vectorsSize);
            vectors.putLong(stringAddress);
            vectors.putLong(0);
            strings.put(pathBytes);
            for (byte[] entry : entries) {
                vectors.putLong(stringAddress + strings.position() - vectorsSize);
                strings.put(entry).put((byte) 0);
            }
            vectors.putLong(0);
            block.write(ARGV, vectors.array(), 0, vectors.capacity());
            Pointer pathPointer = block.share(ARGV + vectorsSize);
            Pointer actions = block.share(ACTIONS, Linux.SIZEOF_SPAWN_FILE_ACTIONS);
            Pointer attributes = block.share(ATTRIBUTES, Linux.SIZEOF_SPAWNATTR);
            check(LibC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init", path);
            try {
                check(LibC.posix_spawnattr_init(attributes), "posix_spawnattr_init", path);
                try {
                    check(LibC.posix_spawn_file_actions_adddup2(actions, childStdin, 0), "adddup2", path);
                    check(LibC.posix_spawn_file_actions_adddup2(actions, childStdout, 1), "adddup2", path);
                    check(LibC.posix_spawn_file_actions_adddup2(actions, childStderr, 2), "adddup2", path);
                    if (features.closeFrom()) {
                        check(OptionalLibC.CloseFrom.posix_spawn_file_actions_addclosefrom_np(actions, 3),
                                "addclosefrom_np", path);
                    } else {
                        for (int fd : openDescriptorsFrom3(path)) {
                            check(LibC.posix_spawn_file_actions_addclose(actions, fd), "addclose", path);
                        }
                    }
                    Pointer noSignals = block.share(NO_SIGNALS, Linux.SIZEOF_SIGSET);
                    Pointer allSignals = block.share(ALL_SIGNALS, Linux.SIZEOF_SIGSET);
                    LibC.sigemptyset(noSignals);
                    // every bit set: glibc's sigfillset leaves out its two internal signals, which its
                    // posix_spawn would then leave ignored in the child (ProcessBuilder's children have that)
                    allSignals.setMemory(0, Linux.SIZEOF_SIGSET, (byte) 0xff);
                    check(LibC.posix_spawnattr_setflags(attributes, SPAWN_FLAGS), "posix_spawnattr_setflags", path);
                    check(LibC.posix_spawnattr_setpgroup(attributes, 0), "posix_spawnattr_setpgroup", path);
                    check(LibC.posix_spawnattr_setsigmask(attributes, noSignals), "posix_spawnattr_setsigmask", path);
                    check(LibC.posix_spawnattr_setsigdefault(attributes, allSignals), "posix_spawnattr_setsigdefault",
                            path);
                    int[] pid = new int[1];
                    int error = LibC.posix_spawn(pid, pathPointer, actions, attributes, block.share(ARGV),
                            block.share(ENVP));
                    if (error != 0) {
                        throw startFailure(path, error);
                    }
                    return pid[0];
                } finally {
                    LibC.posix_spawnattr_destroy(attributes);
                }
            } finally {
                LibC.posix_spawn_file_actions_destroy(actions);
            }
        }
    }

    /** C strings end at NUL: refuse what would otherwise be cut short silently, as ProcessBuilder does. */
    private static void checkNoNul(String path, List<String> environment) throws PluginExecutionException {
        if (path.indexOf('\0') >= 0) {
            throw new PluginExecutionException(Reason.START_FAILED, "cannot start plugin " + path.replace('\0', '?')
                    + ": the path contains a NUL character", null);
        }
        for (int i = 0; i < environment.size(); i++) {
            if (environment.get(i).indexOf('\0') >= 0) {
                throw new PluginExecutionException(Reason.START_FAILED, "cannot start plugin " + path
                        + ": environment entry " + i + " contains a NUL character", null);
            }
        }
    }

    private static PluginExecutionException startFailure(String path, int errno) {
        Reason reason = errno == Linux.ETXTBSY ? Reason.TEXT_FILE_BUSY : Reason.START_FAILED;
        ErrnoException cause = ErrnoException.of("posix_spawn", path, errno);
        return new PluginExecutionException(reason, "cannot start plugin " + path + ": " + ErrnoException.describe(errno),
                cause);
    }

    private static void check(int error, String function, String path) throws PluginExecutionException {
        if (error != 0) {
            throw new PluginExecutionException(Reason.START_FAILED, "cannot start plugin " + path + ": " + function
                    + " failed: " + ErrnoException.describe(error), ErrnoException.of(function, path, error));
        }
    }

    private static void pipe(int[] fds, String path) throws PluginExecutionException {
        if (LibC.pipe2(fds, Linux.O_CLOEXEC) != 0) {
            ErrnoException cause = ErrnoException.last("pipe2", null);
            fds[0] = -1;
            fds[1] = -1;
            throw new PluginExecutionException(Reason.IO_FAILURE, "cannot start plugin " + path
                    + ": cannot create a pipe: " + cause.getMessage(), cause);
        }
    }

    /** The fallback without {@code addclosefrom_np}: every descriptor open now, from 3 up. */
    private static List<Integer> openDescriptorsFrom3(String path) throws PluginExecutionException {
        List<Integer> fds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path entry : entries) {
                int fd = Integer.parseInt(entry.getFileName().toString());
                if (fd > 2) {
                    fds.add(fd);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PluginExecutionException(Reason.IO_FAILURE, "cannot start plugin " + path
                    + ": cannot list /proc/self/fd to close the JVM's descriptors in the child: " + e, e);
        }
        return fds;
    }

    static void closeQuietly(int fd) {
        if (fd >= 0) {
            LibC.close(fd);
        }
    }
}
