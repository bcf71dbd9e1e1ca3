package io.cni4j.exec.jna.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * The namespace work itself: the only calls of {@code unshare}, and of {@code setns} except a
 * worker's move to its home ({@link NetnsWorkers}). Each method changes the network namespace of the
 * calling thread, so it must run on a thread of its own: {@link #pinNew} on a {@link NetnsWorkers}
 * worker, which checks that it is back home afterwards, {@link #callInside} on a {@link FreshThread}
 * that ends right after. Each puts the thread back where it was before it returns. Internal usage
 * only.
 */
final class Namespaces {

    /** The calling thread's network namespace ({@code /proc/self/ns/net} is the main thread's). */
    static final String THREAD_NETNS = "/proc/thread-self/ns/net";

    private static final byte[] THREAD_NETNS_C = LibC.cString(THREAD_NETNS);
    private static final byte[] NONE_C = LibC.cString("none");

    private static final System.Logger LOG = System.getLogger("io.cni4j.exec.jna");

    private Namespaces() {
    }

    /**
     * Creates a network namespace and pins it by bind-mounting it onto {@code target}, an empty file:
     * {@code unshare(CLONE_NEWNET)}, then, if {@code fileCreated} says the file was created (the
     * caller may be creating it meanwhile, since the unshare takes far longer), bind-mount
     * {@value #THREAD_NETNS} onto the file; last {@code setns} back to {@code home}. When the file
     * was not created, the new namespace is dropped unpinned.
     *
     * @param target the file to mount onto
     * @param home a descriptor of the calling thread's network namespace, to go back to
     * @param fileCreated waits until the caller knows, then tells whether {@code target} was created
     * @throws ErrnoException if a step fails (the thread is back in its namespace when it can be)
     */
    static void pinNew(Path target, int home, BooleanSupplier fileCreated) throws ErrnoException {
        if (LibC.unshare(Linux.CLONE_NEWNET) != 0) {
            throw ErrnoException.last("unshare(CLONE_NEWNET)", null);
        }
        try {
            if (fileCreated.getAsBoolean() && LibC.mount(THREAD_NETNS_C, LibC.cString(target.toString()), NONE_C, Linux.MS_BIND, null) != 0) {
                throw ErrnoException.last("mount --bind " + THREAD_NETNS, target);
            }
        } finally {
            restore(home);
        }
    }

    /**
     * Runs {@code task} inside the network namespace at {@code netns}.
     *
     * @param netns a network namespace file or {@code /proc/<pid>/ns/net}
     * @param task what to run
     * @param <T> the result type
     * @return what the task returned
     * @throws EnterFailure if the namespace cannot be entered (the task did not run)
     * @throws Exception what the task threw
     */
    static <T> T callInside(Path netns, Callable<T> task) throws Exception {
        int saved = LibC.open(THREAD_NETNS, Linux.O_RDONLY | Linux.O_CLOEXEC);
        if (saved < 0) {
            throw new EnterFailure(ErrnoException.last("open", THREAD_NETNS));
        }
        try {
            int target = LibC.open(netns.toString(), Linux.O_RDONLY | Linux.O_CLOEXEC);
            if (target < 0) {
                throw new EnterFailure(ErrnoException.last("open", netns));
            }
            try {
                if (LibC.setns(target, Linux.CLONE_NEWNET) != 0) {
                    throw new EnterFailure(ErrnoException.last("setns(CLONE_NEWNET)", netns));
                }
            } finally {
                LibC.close(target);
            }
            try {
                return task.call();
            } finally {
                restore(saved);
            }
        } finally {
            LibC.close(saved);
        }
    }

    /**
     * Back to the saved namespace. If that fails, only log it: the thread is discarded anyway (a
     * fresh thread ends, a worker sees it is not home).
     */
    private static void restore(int saved) {
        if (LibC.setns(saved, Linux.CLONE_NEWNET) != 0) {
            ErrnoException e = ErrnoException.last("setns(CLONE_NEWNET) back to the original namespace", null);
            LOG.log(Level.WARNING, "thread {0} could not return to its network namespace and ends now: {1}",
                    Thread.currentThread().getName(), e.getMessage());
        }
    }

    /** Entering the namespace failed before the task ran. */
    static final class EnterFailure extends Exception {

        private static final long serialVersionUID = 1L;

        EnterFailure(ErrnoException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized ErrnoException getCause() {
            return (ErrnoException) super.getCause();
        }
    }
}
