package io.cni4j.exec.jna.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.spi.ExecResult;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A spawned plugin and the parent's ends of its pipes, driven to completion from the calling thread
 * with poll(2): stdin is written, stdout and stderr are read, and the plugin's exit is watched, all
 * in one loop, so no side can block another and no extra thread is needed. Internal usage only.
 *
 * <p>Stdin is written in chunks of at most {@code PIPE_BUF} bytes, the first one at once (the pipe
 * is new and empty), the others only after poll(2) reports the pipe writable, so a write never blocks
 * even though the pipe is in blocking mode (it must be: the plugin shares the open file). When the plugin stops reading, the write fails with
 * {@code EPIPE} (the JVM does not die of SIGPIPE) and the rest of stdin is dropped; that is not an
 * error. The run is over when the plugin has exited and both output pipes are at end of file.
 *
 * <p>The calling thread wakes at least every {@value #SLICE_MILLIS} ms to notice an interrupt,
 * since poll(2) does not see Java interrupts. Exit is seen through a pidfd in the poll set, or
 * without one by {@code waitid(WNOWAIT)}. With a pidfd, the parent holds its own copies of the
 * plugin's stdout and stderr write ends until the pidfd reports the exit: an exiting plugin closes
 * its pipes a moment before it is reported exited, and without the copies the loop would wake at
 * the end-of-file and sleep again until the exit; with them it wakes once. A process the plugin
 * left behind with the pipes still open keeps them open as before. The plugin is reaped only at the very end, so its pid,
 * which is also its process group id, cannot be reused while this class may still signal it.
 *
 * <p>Not thread-safe: one run, one thread.
 */
final class ChildProcess implements AutoCloseable {

    static final int SLICE_MILLIS = 50;
    static final long GRACE_NANOS = Duration.ofMillis(500).toNanos();
    private static final int READ_CHUNK = 64 * 1024;
    private static final long POLLFDS = 0;
    private static final long POLLFDS_SIZE = 4L * Linux.POLLFD_SIZE;
    private static final long BUFFER = POLLFDS + POLLFDS_SIZE;
    private static final long INPUT = BUFFER + READ_CHUNK;
    private static final int SIGINFO_PID_OFFSET = 16;

    private final int pid;
    private int pidfd;
    private int stdinFd;
    private int stdoutFd;
    private int stderrFd;
    private int stdoutWriter;
    private int stderrWriter;
    private boolean exited;
    private boolean reaped;
    private Memory signalInfo;

    /**
     * Takes over the parent's ends of the pipes, and with a pidfd also the parent's copies of the
     * plugin's stdout and stderr ends, which are closed once the plugin has exited.
     *
     * @param pid the plugin's process id
     * @param pidfd a pidfd of it, or -1
     * @param stdinFd the write end of its stdin
     * @param stdoutFd the read end of its stdout
     * @param stderrFd the read end of its stderr
     * @param stdoutWriter the write end of its stdout, or -1
     * @param stderrWriter the write end of its stderr, or -1
     */
    ChildProcess(int pid, int pidfd, int stdinFd, int stdoutFd, int stderrFd, int stdoutWriter, int stderrWriter) {
        this.pid = pid;
        this.pidfd = pidfd;
        this.stdinFd = stdinFd;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
        this.stdoutWriter = stdoutWriter;
        this.stderrWriter = stderrWriter;
    }

    /** @return the plugin's process id (also its process group id) */
    int pid() {
        return pid;
    }

    /**
     * Writes stdin, collects the output and waits for the exit, within the deadline.
     *
     * @param executable the plugin, for messages
     * @param stdin the bytes to write, then stdin is closed
     * @param maxOutputBytes the most bytes accepted on each of stdout and stderr
     * @param deadline the {@link System#nanoTime()} by which the run must be over
     * @param timeout the request's timeout, for messages
     * @return the exit status and output
     * @throws PluginExecutionException if the output limit is passed or a pipe fails (the plugin has
     *     been killed and reaped)
     * @throws CniTimeoutException past the deadline (the plugin has been killed and reaped)
     * @throws InterruptedException if the calling thread is interrupted (the plugin has been killed and
     *     reaped)
     */
    ExecResult communicate(Path executable, byte[] stdin, long maxOutputBytes, long deadline, Duration timeout)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Memory block = new Memory(INPUT + stdin.length)) { // pollfds, read buffer, stdin: one allocation
            Pointer pollFds = block.share(POLLFDS, POLLFDS_SIZE);
            Pointer buffer = block.share(BUFFER, READ_CHUNK);
            Pointer input = block.share(INPUT);
            int written = 0;
            if (stdin.length == 0) {
                closeStdin();
            } else {
                block.write(INPUT, stdin, 0, stdin.length);
                // the pipe is new and empty: a first write of at most PIPE_BUF bytes cannot block
                written = writeStdin(input, 0, stdin.length, executable);
            }
            int idleMillis = 1;
            while (true) {
                if (Thread.interrupted()) {
                    abort();
                    throw new InterruptedException("interrupted while plugin " + executable + " ran; it was killed");
                }
                if (!exited && pidfd < 0) {
                    exited = hasExited();
                }
                if (exited && stdoutFd < 0 && stderrFd < 0) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    abort();
                    throw new CniTimeoutException("plugin " + executable + " ran past its timeout of " + timeout
                            + " and was killed");
                }
                int count = 0;
                int stdinSlot = stdinFd >= 0 ? count++ : -1;
                int stdoutSlot = stdoutFd >= 0 ? count++ : -1;
                int stderrSlot = stderrFd >= 0 ? count++ : -1;
                int pidfdSlot = !exited && pidfd >= 0 ? count++ : -1;
                setPollFd(pollFds, stdinSlot, stdinFd, Linux.POLLOUT);
                setPollFd(pollFds, stdoutSlot, stdoutFd, Linux.POLLIN);
                setPollFd(pollFds, stderrSlot, stderrFd, Linux.POLLIN);
                setPollFd(pollFds, pidfdSlot, pidfd, Linux.POLLIN);
                int sliceMillis = SLICE_MILLIS;
                if (!exited && pidfd < 0 && stdoutFd < 0 && stderrFd < 0) {
                    // nothing to wake us at the exit: look again soon, a little later each time
                    sliceMillis = idleMillis;
                    idleMillis = Math.min(idleMillis * 2, SLICE_MILLIS);
                }
                int waitMillis = (int) Math.max(1, Math.min(sliceMillis, (remaining + 999_999) / 1_000_000));
                int ready = LibC.poll(count == 0 ? Pointer.NULL : pollFds, count, waitMillis);
                if (ready < 0) {
                    if (Native.getLastError() == Linux.EINTR) {
                        continue;
                    }
                    throw ioFailure(executable, ErrnoException.last("poll", null));
                }
                if (ready == 0) {
                    continue;
                }
                if (revents(pollFds, stdoutSlot) != 0) {
                    stdoutFd = drain(stdoutFd, out, buffer, maxOutputBytes, executable, "stdout");
                }
                if (revents(pollFds, stderrSlot) != 0) {
                    stderrFd = drain(stderrFd, err, buffer, maxOutputBytes, executable, "stderr");
                }
                short stdinEvents = revents(pollFds, stdinSlot);
                if ((stdinEvents & (Linux.POLLERR | Linux.POLLHUP | Linux.POLLNVAL)) != 0) {
                    closeStdin(); // the plugin closed its stdin: the rest is not wanted
                } else if ((stdinEvents & Linux.POLLOUT) != 0) {
                    written = writeStdin(input, written, stdin.length, executable);
                }
                if (revents(pollFds, pidfdSlot) != 0) {
                    exited();
                }
            }
        }
        int status = reap(executable);
        return decode(status, out.toByteArray(), err.toByteArray());
    }

    /** Kills and reaps if the run did not end normally, and closes every descriptor. Idempotent. */
    @Override
    public void close() {
        if (!reaped) {
            abort();
        }
        closeAll();
    }

    // ------------------------------------------------------------------ pipes

    private int drain(int fd, ByteArrayOutputStream sink, Pointer buffer, long max, Path executable, String stream)
            throws PluginExecutionException {
        long room = max - sink.size();
        long want = Math.min(READ_CHUNK, room + 1); // one byte past the limit proves it was passed
        long n = LibC.read(fd, buffer, want);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == Linux.EINTR) {
                return fd;
            }
            throw ioFailure(executable, ErrnoException.of("read " + stream + " of", executable, errno));
        }
        if (n == 0) {
            LibC.close(fd);
            return -1;
        }
        if (n > room) {
            abort();
            throw new PluginExecutionException(Reason.OUTPUT_LIMIT_EXCEEDED, "plugin " + executable + " wrote more than "
                    + max + " bytes to " + stream + " and was killed", null);
        }
        byte[] bytes = buffer.getByteArray(0, (int) n);
        sink.write(bytes, 0, bytes.length);
        return fd;
    }

    private int writeStdin(Pointer input, int written, int total, Path executable) throws PluginExecutionException {
        int chunk = Math.min(Linux.PIPE_BUF, total - written);
        long n = LibC.write(stdinFd, input.share(written), chunk);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == Linux.EINTR) {
                return written;
            }
            if (errno == Linux.EPIPE) {
                closeStdin(); // the plugin exited or closed stdin without reading it all
                return written;
            }
            throw ioFailure(executable, ErrnoException.of("write stdin of", executable, errno));
        }
        written += (int) n;
        if (written >= total) {
            closeStdin();
        }
        return written;
    }

    /**
     * Notes the exit and lets the output pipes reach end-of-file: the parent's copies of the plugin's
     * write ends, held until now, are closed.
     */
    private void exited() {
        exited = true;
        closeOutputWriters();
    }

    private void closeOutputWriters() {
        Spawner.closeQuietly(stdoutWriter);
        stdoutWriter = -1;
        Spawner.closeQuietly(stderrWriter);
        stderrWriter = -1;
    }

    private void closeStdin() {
        Spawner.closeQuietly(stdinFd);
        stdinFd = -1;
    }

    private void closeAll() {
        closeStdin();
        closeOutputWriters();
        Spawner.closeQuietly(stdoutFd);
        stdoutFd = -1;
        Spawner.closeQuietly(stderrFd);
        stderrFd = -1;
        Spawner.closeQuietly(pidfd);
        pidfd = -1;
        if (signalInfo != null) {
            signalInfo.close();
            signalInfo = null;
        }
    }

    private static void setPollFd(Pointer pollFds, int slot, int fd, short events) {
        if (slot < 0) {
            return;
        }
        long offset = (long) slot * Linux.POLLFD_SIZE;
        pollFds.setInt(offset, fd);
        pollFds.setShort(offset + 4, events);
        pollFds.setShort(offset + 6, (short) 0);
    }

    private static short revents(Pointer pollFds, int slot) {
        return slot < 0 ? 0 : pollFds.getShort((long) slot * Linux.POLLFD_SIZE + 6);
    }

    private PluginExecutionException ioFailure(Path executable, ErrnoException cause) {
        abort();
        return new PluginExecutionException(Reason.IO_FAILURE, "I/O with plugin " + executable + " failed: "
                + cause.getMessage(), cause);
    }

    // ------------------------------------------------------------------ exit, kill, reap

    /** Whether the plugin has exited, without reaping it. */
    private boolean hasExited() {
        if (signalInfo == null) {
            signalInfo = new Memory(Linux.SIZEOF_SIGINFO);
        }
        while (true) {
            signalInfo.clear();
            int rc = LibC.waitid(Linux.P_PID, pid, signalInfo, Linux.WEXITED | Linux.WNOHANG | Linux.WNOWAIT);
            if (rc == 0) {
                return signalInfo.getInt(SIGINFO_PID_OFFSET) != 0; // si_pid stays 0 while it runs
            }
            if (Native.getLastError() != Linux.EINTR) {
                return true; // ECHILD: not ours to wait for any more; reap() reports it
            }
        }
    }

    /**
     * SIGTERM to the plugin's process group, up to {@link #GRACE_NANOS} for the plugin to exit,
     * SIGKILL to the group (which also ends whatever ignored SIGTERM), then reap. The group is
     * signalled while the plugin is unreaped, so its id cannot have been reused.
     */
    private void abort() {
        if (reaped) {
            return;
        }
        signal(Linux.SIGTERM);
        awaitExit(GRACE_NANOS);
        signal(Linux.SIGKILL);
        closeAll();
        try {
            reap(null);
        } catch (PluginExecutionException e) {
            // already gone: nothing left to kill
        }
    }

    private void signal(int signal) {
        LibC.kill(-pid, signal); // the group; ESRCH if it is empty
        LibC.kill(pid, signal); // and the plugin, in case it left the group
    }

    private void awaitExit(long nanos) {
        long deadline = System.nanoTime() + nanos;
        try (Memory pollFd = new Memory(Linux.POLLFD_SIZE)) {
            int idleMillis = 1;
            while (!exited) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                int waitMillis = (int) Math.max(1, Math.min(SLICE_MILLIS, remaining / 1_000_000));
                if (pidfd >= 0) {
                    setPollFd(pollFd, 0, pidfd, Linux.POLLIN);
                    if (LibC.poll(pollFd, 1, waitMillis) > 0) {
                        exited();
                    }
                } else {
                    exited = hasExited();
                    if (!exited) {
                        LibC.poll(Pointer.NULL, 0, Math.min(idleMillis, waitMillis)); // a sleep that ignores interrupts
                        idleMillis = Math.min(idleMillis * 2, SLICE_MILLIS);
                    }
                }
            }
        }
    }

    private int reap(Path executable) throws PluginExecutionException {
        int[] status = new int[1];
        while (true) {
            int rc = LibC.waitpid(pid, status, 0);
            if (rc == pid) {
                reaped = true;
                return status[0];
            }
            int errno = Native.getLastError();
            if (errno != Linux.EINTR) {
                reaped = true; // ECHILD: someone else reaped it (SIGCHLD ignored?); nothing left to wait for
                throw new PluginExecutionException(Reason.IO_FAILURE, "cannot learn how plugin " + executable
                        + " ended: " + ErrnoException.describe(errno), ErrnoException.of("waitpid", pid, errno));
            }
        }
    }

    /**
     * Decodes a {@code waitpid} status.
     *
     * @param status the status
     * @param stdout the output
     * @param stderr the error output
     * @return exit code and 0, or -1 and the signal
     */
    static ExecResult decode(int status, byte[] stdout, byte[] stderr) {
        int termSignal = status & 0x7f;
        if (termSignal == 0) {
            return new ExecResult((status >> 8) & 0xff, 0, stdout, stderr);
        }
        return new ExecResult(-1, termSignal, stdout, stderr);
    }
}
