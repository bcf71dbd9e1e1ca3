package io.cni4j.exec.jna.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform threads that create network namespaces for {@link JnaNetnsManager}, kept from one
 * namespace to the next: a new thread per namespace cost about 100 us of a 0.65 ms create+remove,
 * and most of its tail (over 1 ms at p90 on a busy machine); a hand-off to a waiting worker costs a
 * few tens of us. {@code unshare} and {@code setns} change only the calling OS thread, so the
 * threads are this class's alone and obey these rules. Internal usage only.
 *
 * <ul>
 *   <li>A worker is a daemon platform thread of a private pool (never virtual, never shared with other
 *       code) and runs nothing but the {@link Job}s of this module.</li>
 *   <li>A worker starts by entering the JVM's network namespace ({@code /proc/self/ns/net}) and keeps a
 *       descriptor of it open: that is its home, whichever thread (maybe one inside a container's
 *       namespace) caused it to be started. When it cannot enter it (no {@code CAP_SYS_ADMIN}), its
 *       home is the namespace it was born in.</li>
 *   <li>A job gets the home descriptor and must be back home when it ends. After every job the worker
 *       checks that it is ({@code /proc/thread-self/ns/net} still names the home namespace) and ends at
 *       once when it is not, so no later job and no other code ever runs in a namespace a job left it in.
 *       A job that ran was run to its end: its caller gets its result either way.</li>
 *   <li>Up to {@link #maxWorkers()} jobs run at once, more wait in line; a worker idle for the idle
 *       time ends, so an idle JVM keeps none. Workers share the JVM's mount namespace, like all its
 *       threads.</li>
 * </ul>
 */
final class NetnsWorkers {

    /** Work to run on a worker. */
    @FunctionalInterface
    interface Job<T> {

        /**
         * Runs on a worker in its home namespace; must leave it there.
         *
         * @param home a descriptor of the worker's home network namespace, for {@code setns} back
         * @return the result
         * @throws Exception any failure, handed to the caller
         */
        T run(int home) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger("io.cni4j.exec.jna");
    private static final Duration SHARED_IDLE = Duration.ofSeconds(10);
    private static final NetnsWorkers SHARED =
            new NetnsWorkers(Math.max(2, Runtime.getRuntime().availableProcessors()), SHARED_IDLE);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final ThreadLocal<Home> HOME = new ThreadLocal<>();

    private final ThreadPoolExecutor pool;

    /**
     * A pool of its own, for tests; the module uses {@link #shared()}.
     *
     * @param maxWorkers the most workers at once
     * @param idle how long an idle worker waits for work before it ends
     */
    NetnsWorkers(int maxWorkers, Duration idle) {
        pool = new ThreadPoolExecutor(maxWorkers, maxWorkers, idle.toNanos(), TimeUnit.NANOSECONDS,
                new LinkedBlockingQueue<>(), NetnsWorkers::newWorker);
        pool.allowCoreThreadTimeOut(true);
    }

    /** @return the pool of this JVM: up to max(2, processors) workers, each kept 10 s when idle */
    static NetnsWorkers shared() {
        return SHARED;
    }

    /** @return the most jobs that run at once */
    int maxWorkers() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Runs {@code job} on a worker and waits for it to end. The wait is not interruptible, since a
     * namespace job must not be abandoned half way: an interrupt of the caller is kept for it.
     *
     * @param job the job
     * @param <T> the result type
     * @return what the job returned
     * @throws ExecutionException with what the job threw
     */
    <T> T call(Job<T> job) throws ExecutionException {
        return await(submit(job));
    }

    /**
     * Hands {@code job} to a worker and returns at once, so that the caller can do its part of the
     * work meanwhile; it must {@link #await} the job afterwards.
     *
     * @param job the job
     * @param <T> the result type
     * @return the job's future, for {@link #await}
     */
    <T> Future<T> submit(Job<T> job) {
        FutureTask<T> task = new FutureTask<>(() -> {
            Home home = HOME.get();
            if (home.failure != null) {
                throw home.failure;
            }
            return job.run(home.fd);
        });
        pool.execute(() -> {
            task.run();
            if (!HOME.get().isCurrent()) {
                throw new Retired(); // ends this worker; the pool starts another for later jobs
            }
        });
        return task;
    }

    /**
     * Waits for a job to end. Not interruptible, since a namespace job must not be abandoned half
     * way: an interrupt of the caller is kept for it.
     *
     * @param future what {@link #submit} returned
     * @param <T> the result type
     * @return what the job returned
     * @throws ExecutionException with what the job threw
     */
    static <T> T await(Future<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread newWorker(Runnable poolLoop) {
        Thread thread = new Thread(() -> {
            Home home = Home.enter();
            HOME.set(home);
            try {
                poolLoop.run();
            } catch (Retired e) {
                LOG.log(Level.WARNING, "{0} is not back in its network namespace after a job and ends",
                        Thread.currentThread().getName());
            } finally {
                home.close();
            }
        }, "cni4j-netns-worker-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Thrown out of the pool's loop to end a worker that is not home. */
    private static final class Retired extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Retired() {
            super(null, null, false, false);
        }
    }

    /**
     * A worker's home network namespace: an open descriptor and the name of the namespace
     * ({@code net:[inode]}), or why there is none (then every job fails with it and the worker ends).
     */
    private static final class Home {

        private static final Path THREAD_NETNS = Path.of(Namespaces.THREAD_NETNS);
        private static final String JVM_NETNS = "/proc/self/ns/net";

        final int fd;
        final String name;
        final ErrnoException failure;

        private Home(int fd, String name, ErrnoException failure) {
            this.fd = fd;
            this.name = name;
            this.failure = failure;
        }

        /** Enters the JVM's namespace if it can and opens whichever namespace the thread is in. */
        static Home enter() {
            int jvm = LibC.open(JVM_NETNS, Linux.O_RDONLY | Linux.O_CLOEXEC);
            if (jvm >= 0) {
                ErrnoException notEntered = LibC.setns(jvm, Linux.CLONE_NEWNET) == 0 ? null
                        : ErrnoException.last("setns(CLONE_NEWNET)", JVM_NETNS);
                LibC.close(jvm);
                if (notEntered != null) {
                    LOG.log(Level.DEBUG, "{0} stays in the network namespace it was born in: {1}",
                            Thread.currentThread().getName(), notEntered.getMessage());
                }
            }
            int fd = LibC.open(Namespaces.THREAD_NETNS, Linux.O_RDONLY | Linux.O_CLOEXEC);
            if (fd < 0) {
                return new Home(-1, null, ErrnoException.last("open", Namespaces.THREAD_NETNS));
            }
            String name = currentName();
            if (name == null) {
                LibC.close(fd);
                return new Home(-1, null, ErrnoException.of("readlink", Namespaces.THREAD_NETNS, Linux.ENOENT));
            }
            return new Home(fd, name, null);
        }

        /** @return whether the calling worker is in this namespace */
        boolean isCurrent() {
            return name != null && name.equals(currentName());
        }

        void close() {
            if (fd >= 0) {
                LibC.close(fd);
            }
        }

        private static String currentName() {
            try {
                return Files.readSymbolicLink(THREAD_NETNS).toString();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
