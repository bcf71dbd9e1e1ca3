package io.cni4j.exec.process.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Ends a plugin together with the processes it forked: SIGTERM to all of them, a short grace, then
 * SIGKILL to whatever is left. Also finds processes that still hold a plugin's pipes after the
 * plugin itself has exited (a forked child that kept stdout open).
 *
 * <p>Descendants are found through {@link ProcessHandle#descendants()}, which only sees processes
 * while their parent chain to the plugin is intact; the tree is therefore captured before the plugin
 * is signalled. Waits here are uninterruptible: an interrupt that arrives meanwhile is kept and the
 * thread's interrupt status is set again on return.
 */
final class ProcessTree {

    /** How long to wait for a SIGKILLed plugin to be reaped. */
    private static final long REAP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private ProcessTree() {
    }

    /**
     * Terminates the plugin and its descendants, and waits until the plugin has been reaped.
     *
     * @param process the plugin (a child of this JVM)
     * @param graceNanos how long SIGTERM may take before SIGKILL
     */
    static void terminate(Process process, long graceNanos) {
        boolean interrupted = false;
        try {
            List<ProcessHandle> tree = descendants(process.toHandle());
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            Set<ProcessHandle> all = new LinkedHashSet<>(tree);
            boolean exited;
            try {
                exited = waitFor(process, graceNanos);
            } catch (InterruptedException e) {
                interrupted = true;
                exited = false;
            }
            if (process.isAlive()) {
                all.addAll(descendants(process.toHandle()));
            }
            for (ProcessHandle h : tree) {
                if (h.isAlive()) {
                    all.addAll(descendants(h));
                }
            }
            if (!exited) {
                process.destroyForcibly();
            }
            interrupted |= killAll(all, graceNanos);
            interrupted |= waitUninterruptibly(process, REAP_LIMIT_NANOS);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * SIGTERMs the given processes, waits up to the grace for them to end, then SIGKILLs the rest and
     * waits briefly until they are gone.
     *
     * @param processes the processes (not necessarily children of this JVM)
     * @param graceNanos the grace
     */
    static void terminateAll(Collection<ProcessHandle> processes, long graceNanos) {
        processes.forEach(ProcessHandle::destroy);
        boolean interrupted = awaitGone(processes, graceNanos);
        interrupted |= killAll(processes, graceNanos);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The {@code pipe:[inode]} links of a process's stdin, stdout and stderr, read from
     * {@code /proc/<pid>/fd}. Empty when the process is gone or {@code /proc} is unavailable.
     *
     * @param pid the process
     * @return the links of the descriptors 0, 1 and 2 that are pipes
     */
    static Set<String> pipeLinks(long pid) {
        Set<String> links = new LinkedHashSet<>();
        for (int fd = 0; fd <= 2; fd++) {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd)))
                        .toString();
                if (target.startsWith("pipe:")) {
                    links.add(target);
                }
            } catch (IOException | RuntimeException e) {
                // gone already, or no /proc: nothing to remember
            }
        }
        return links;
    }

    /**
     * Processes other than this JVM that hold any of the given pipes open, found by scanning
     * {@code /proc/<pid>/fd}.
     *
     * @param links {@code pipe:[inode]} links from {@link #pipeLinks(long)}
     * @return the holders, possibly empty
     */
    static List<ProcessHandle> pipeHolders(Set<String> links) {
        List<ProcessHandle> holders = new ArrayList<>();
        if (links.isEmpty()) {
            return holders;
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid != self && holdsAny(proc.resolve("fd"), links)) {
                    ProcessHandle.of(pid).ifPresent(holders::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nobody can be found
        }
        return holders;
    }

    private static boolean holdsAny(Path fdDir, Set<String> links) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (links.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone or not ours to inspect
        }
        return false;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static List<ProcessHandle> descendants(ProcessHandle handle) {
        try {
            return handle.descendants().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** SIGKILLs the live ones and waits up to {@code waitNanos} for them to go; returns whether interrupted. */
    private static boolean killAll(Collection<ProcessHandle> processes, long waitNanos) {
        for (ProcessHandle h : processes) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        return awaitGone(processes, waitNanos);
    }

    /** Waits until none is alive or the time is up; returns whether the thread was interrupted. */
    private static boolean awaitGone(Collection<ProcessHandle> processes, long waitNanos) {
        boolean interrupted = false;
        long start = System.nanoTime();
        for (ProcessHandle h : processes) {
            while (h.isAlive()) {
                long left = waitNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    return interrupted;
                }
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // checked again by isAlive, bounded by the deadline
                }
            }
        }
        return interrupted;
    }

    private static boolean waitFor(Process process, long nanos) throws InterruptedException {
        return process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Waits for the process to end; returns whether the thread was interrupted meanwhile. */
    private static boolean waitUninterruptibly(Process process, long nanos) {
        boolean interrupted = false;
        long start = System.nanoTime();
        while (true) {
            long left = nanos - (System.nanoTime() - start);
            try {
                waitFor(process, left);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
