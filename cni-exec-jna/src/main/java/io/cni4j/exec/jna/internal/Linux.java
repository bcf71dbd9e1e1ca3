package io.cni4j.exec.jna.internal;

/**
 * Linux constants, with the values of the generic ABI used by x86-64, AArch64, RISC-V, POWER and
 * s390x. Internal usage only.
 */
final class Linux {

    private Linux() {
    }

    // errno
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int ECHILD = 10;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int ENOTDIR = 20;
    static final int EINVAL = 22;
    static final int ETXTBSY = 26;
    static final int EPIPE = 32;
    static final int ENOSYS = 38;

    // open(2), pipe2(2)
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;

    // poll(2); struct pollfd is { int fd; short events; short revents; }
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;
    static final int POLLFD_SIZE = 8;

    /** Writes of at most this many bytes to a pipe that poll(2) reports writable never block. */
    static final int PIPE_BUF = 4096;

    // signals
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    // posix_spawnattr_setflags
    static final short POSIX_SPAWN_SETPGROUP = 0x02;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;

    // waitid(2), waitpid(2)
    static final int P_PID = 1;
    static final int WNOHANG = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;

    // namespaces and mounts
    static final int CLONE_NEWNET = 0x40000000;
    static final long MS_BIND = 0x1000;
    static final long MS_REC = 0x4000;
    static final long MS_SHARED = 1 << 20;
    static final int MNT_DETACH = 2;
    static final int UMOUNT_NOFOLLOW = 8;

    // statfs(2) f_type
    static final long NSFS_MAGIC = 0x6e736673L;
    static final long PROC_SUPER_MAGIC = 0x9fa0L;

    /** Generous upper bounds of opaque libc types, allocated as plain memory. */
    static final int SIZEOF_SPAWN_FILE_ACTIONS = 512;
    static final int SIZEOF_SPAWNATTR = 1024;
    static final int SIZEOF_SIGSET = 128;
    static final int SIZEOF_SIGINFO = 128;
    static final int SIZEOF_STATFS = 256;
}
