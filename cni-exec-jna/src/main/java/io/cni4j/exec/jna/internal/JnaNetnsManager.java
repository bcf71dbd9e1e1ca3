package io.cni4j.exec.jna.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.NetnsManager;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Named network namespaces with syscalls, as containerd's {@code pkg/netns} makes them: no helper
 * process. Thread-safe. Internal usage only.
 *
 * <ul>
 *   <li>create: prepare the directory ({@link NetnsDirectory}; once per manager, again if it has
 *       disappeared since); on a {@link NetnsWorkers} worker (never the caller's thread)
 *       {@code unshare(CLONE_NEWNET)} while the caller creates the file exclusively, then, if it
 *       did, bind-mount the worker's new namespace onto the file, and {@code setns} back
 *       ({@link Namespaces#pinNew}); on any failure the file is unmounted and deleted (a file that
 *       was there before is not touched);</li>
 *   <li>remove: {@code umount2(MNT_DETACH | UMOUNT_NOFOLLOW)} until nothing is mounted there, then
 *       unlink; a missing path is not an error (umount2 says ENOENT or ENOTDIR,
 *       and there is nothing to delete);</li>
 *   <li>isNetns: {@code statfs} says nsfs, or procfs for a {@code /proc/<pid>/ns/net} path (kernels
 *       before nsfs). Like containerd, any nsfs file counts: the type of namespace is not checked.</li>
 * </ul>
 */
final class JnaNetnsManager implements NetnsManager {

    private static final Pattern PROC_NETNS = Pattern.compile("/proc/(self|thread-self|\\d+)(/task/\\d+)?/ns/net");
    private static final int MAX_STACKED_MOUNTS = 16;

    /**
     * What runs on a worker to pin a new namespace onto the file, given whether the file was created
     * (which the caller learns meanwhile); replaceable for tests.
     */
    interface Pinner {
        void pin(Path target, int home, BooleanSupplier fileCreated) throws ErrnoException;
    }

    private final Path directory;
    private final Pinner pinner;
    private final NetnsWorkers workers;
    private volatile boolean prepared;

    JnaNetnsManager(Path directory) {
        this(directory, Namespaces::pinNew, NetnsWorkers.shared());
    }

    JnaNetnsManager(Path directory, Pinner pinner) {
        this(directory, pinner, NetnsWorkers.shared());
    }

    JnaNetnsManager(Path directory, Pinner pinner, NetnsWorkers workers) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.pinner = Objects.requireNonNull(pinner, "pinner");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Path create(String name) throws NetnsException {
        Path target = directory.resolve(checkName(name)).toAbsolutePath();
        if (!prepared) {
            prepareDirectory(target);
        }
        // the worker starts on the namespace while this thread creates the file: the unshare takes
        // far longer, so the hand-off and the file cost nothing; it pins only once the file is ours
        CompletableFuture<Boolean> fileCreated = new CompletableFuture<>();
        Future<Void> pinning = workers.submit(home -> {
            pinner.pin(target, home, fileCreated::join);
            return null;
        });
        try {
            createFile(target);
            fileCreated.complete(true);
        } catch (NetnsException | RuntimeException | Error e) {
            fileCreated.complete(false);
            awaitUnpinned(pinning, e);
            throw e;
        }
        try {
            NetnsWorkers.await(pinning);
            return target;
        } catch (ExecutionException e) {
            NetnsException failure = new NetnsException("cannot create network namespace " + target + ": "
                    + e.getCause().getMessage(), e.getCause());
            discard(target, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(target, e);
            throw e;
        }
    }

    private void createFile(Path target) throws NetnsException {
        try {
            try {
                Files.createFile(target);
            } catch (NoSuchFileException e) {
                prepareDirectory(target); // removed since it was prepared: once more
                Files.createFile(target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new NetnsException("cannot create network namespace " + target + ": the file already exists", e);
        } catch (IOException e) {
            throw new NetnsException("cannot create network namespace file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a pin told that there is no file, so that nothing is left running; its failure is suppressed. */
    private static void awaitUnpinned(Future<Void> pinning, Throwable failure) {
        try {
            NetnsWorkers.await(pinning);
        } catch (ExecutionException e) {
            failure.addSuppressed(e.getCause());
        }
    }

    /** Prepares the directory; done once per manager (reading mountinfo can be slow on busy hosts). */
    private void prepareDirectory(Path target) throws NetnsException {
        try {
            NetnsDirectory.prepare(directory);
            prepared = true;
        } catch (IOException e) {
            throw new NetnsException("cannot create network namespace " + target + ": cannot prepare directory "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(Path path) throws NetnsException {
        Objects.requireNonNull(path, "path");
        String target = path.toAbsolutePath().toString();
        for (int i = 0; i < MAX_STACKED_MOUNTS; i++) {
            if (LibC.umount2(target, Linux.MNT_DETACH | Linux.UMOUNT_NOFOLLOW) != 0) {
                int errno = Native.getLastError();
                if (errno == Linux.ENOENT || errno == Linux.ENOTDIR) {
                    return; // no such path: nothing to unmount or delete
                }
                if (errno == Linux.EINVAL) {
                    break; // nothing (more) mounted there, or a symlink (not followed)
                }
                throw new NetnsException("cannot remove network namespace " + path + ": cannot unmount it: "
                        + ErrnoException.describe(errno), ErrnoException.of("umount2", path, errno));
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new NetnsException("cannot remove network namespace " + path + ": cannot delete the file: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean isNetns(Path path) {
        Objects.requireNonNull(path, "path");
        String target = path.toAbsolutePath().toString();
        long type;
        try (Memory buffer = new Memory(Linux.SIZEOF_STATFS)) {
            buffer.clear();
            if (LibC.statfs(target, buffer) != 0) {
                return false;
            }
            // f_type is the first field: a long, except on s390x where it is an unsigned int
            type = "s390x".equals(Platform.ARCH) ? Integer.toUnsignedLong(buffer.getInt(0)) : buffer.getLong(0);
        }
        return type == Linux.NSFS_MAGIC || (type == Linux.PROC_SUPER_MAGIC && PROC_NETNS.matcher(target).matches());
    }

    /** Undoes a failed create: whatever is mounted on the file, then the file. Failures are suppressed. */
    private static void discard(Path target, Throwable failure) {
        LibC.umount2(target.toString(), Linux.MNT_DETACH | Linux.UMOUNT_NOFOLLOW);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String checkName(String name) throws NetnsException {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new NetnsException("invalid network namespace name \"" + name
                    + "\": it must be a non-empty file name without '/' or NUL, other than . and ..");
        }
        return name;
    }

    @Override
    public String toString() {
        return "JnaNetnsManager[" + directory + "]";
    }
}
