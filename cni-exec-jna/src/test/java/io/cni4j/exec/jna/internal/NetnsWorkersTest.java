package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.exec.jna.JnaNetns;
import io.cni4j.testkit.RootTestGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsWorkersTest {

    private static final Duration LONG_IDLE = Duration.ofMinutes(5);
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(30);

    @Test
    @DisplayName("jobs run on a daemon worker, not on the caller's thread, and the worker is kept for the next job")
    void reusedWorker() throws Exception {
        NetnsWorkers workers = new NetnsWorkers(1, LONG_IDLE);
        Thread first = workers.call(home -> Thread.currentThread());
        Thread second = workers.call(home -> Thread.currentThread());
        assertThat(first).isNotSameAs(Thread.currentThread()).isSameAs(second);
        assertThat(first.getName()).startsWith("cni4j-netns-worker-");
        assertThat(first.isDaemon()).isTrue();
        int home = workers.call(fd -> fd);
        assertThat(home).as("the home descriptor").isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("what a job throws comes back as the cause of an ExecutionException, and the worker stays")
    void jobFailure() throws Exception {
        NetnsWorkers workers = new NetnsWorkers(1, LONG_IDLE);
        Thread before = workers.call(home -> Thread.currentThread());
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> workers.call(home -> {
            throw boom;
        })).isInstanceOf(ExecutionException.class).hasCause(boom);
        Thread after = workers.call(home -> Thread.currentThread());
        assertThat(after).isSameAs(before);
    }

    @Test
    @DisplayName("a job that leaves its worker in another namespace ends that worker; the next job runs home")
    void strandedWorkerEnds() throws Exception {
        RootTestGate.requireRoot("netns worker test");
        NetnsWorkers workers = new NetnsWorkers(1, LONG_IDLE);
        long jvm = NetnsInodes.inode(Path.of("/proc/self/ns/net"));
        long caller = NetnsInodes.threadNetnsInode();
        Thread stranded = workers.call(home -> {
            if (LibC.unshare(Linux.CLONE_NEWNET) != 0) {
                throw ErrnoException.last("unshare", null);
            }
            return Thread.currentThread(); // and no setns back
        });
        stranded.join(JOIN_MILLIS);
        assertThat(stranded.isAlive()).as("the stranded worker has ended").isFalse();
        Thread next = workers.call(home -> Thread.currentThread());
        assertThat(next).isNotSameAs(stranded);
        long nextNetns = workers.call(home -> NetnsInodes.threadNetnsInode());
        assertThat(nextNetns).as("the next worker's namespace").isEqualTo(jvm);
        assertThat(NetnsInodes.threadNetnsInode()).as("the caller's namespace").isEqualTo(caller);
    }

    @Test
    @DisplayName("a worker started from a thread inside another namespace makes the JVM's namespace its home")
    void homeIsTheJvmNamespace(@TempDir Path dir) throws Exception {
        RootTestGate.requireRoot("netns worker test");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        Path netns = manager.create("elsewhere");
        try {
            long jvm = NetnsInodes.inode(Path.of("/proc/self/ns/net"));
            NetnsWorkers workers = new NetnsWorkers(1, LONG_IDLE);
            long[] seen = JnaNetns.run(netns, () -> new long[] {
                NetnsInodes.threadNetnsInode(), workers.call(home -> NetnsInodes.threadNetnsInode())});
            assertThat(seen[0]).as("the calling task's namespace").isEqualTo(NetnsInodes.inode(netns));
            assertThat(seen[1]).as("the worker's namespace").isEqualTo(jvm);
            Path pinned = new JnaNetnsManager(dir, Namespaces::pinNew, workers).create("from-that-worker");
            try {
                assertThat(NetnsInodes.inode(pinned)).isNotIn(jvm, NetnsInodes.inode(netns));
                long afterPin = workers.call(home -> NetnsInodes.threadNetnsInode());
                assertThat(afterPin).as("back home after a pin").isEqualTo(jvm);
            } finally {
                manager.remove(pinned);
            }
        } finally {
            manager.remove(netns);
        }
    }

    @Test
    @DisplayName("an interrupted caller still waits for its job to end, and keeps the interrupt; the worker never sees it")
    void interruptedCaller() throws Exception {
        NetnsWorkers workers = new NetnsWorkers(1, LONG_IDLE);
        CountDownLatch release = new CountDownLatch(1);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        Thread.currentThread().interrupt();
        releaser.start();
        boolean workerInterrupted;
        try {
            workerInterrupted = workers.call(home -> {
                release.await();
                return Thread.currentThread().isInterrupted();
            });
        } finally {
            assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        }
        assertThat(release.getCount()).as("the job ran to its end").isZero();
        assertThat(workerInterrupted).isFalse();
    }

    @Test
    @DisplayName("an idle worker ends after the idle time")
    void idleWorkerEnds() throws Exception {
        NetnsWorkers workers = new NetnsWorkers(1, Duration.ofMillis(50));
        Thread worker = workers.call(home -> Thread.currentThread());
        worker.join(JOIN_MILLIS);
        assertThat(worker.isAlive()).isFalse();
        Thread next = workers.call(home -> Thread.currentThread());
        assertThat(next).as("a new worker for the next job").isNotSameAs(worker);
    }

    @Test
    @DisplayName("more jobs than workers wait in line: all run, never more at once than the workers")
    void boundedConcurrency() throws Exception {
        NetnsWorkers workers = new NetnsWorkers(2, LONG_IDLE);
        int callers = 8;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return workers.call(home -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        threads.add(Thread.currentThread());
                        Thread.sleep(20);
                        running.decrementAndGet();
                        return n;
                    });
                }));
            }
            start.countDown();
            List<Integer> values = new ArrayList<>();
            for (Future<Integer> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(values).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostAtOnce.get()).isBetween(1, 2);
        assertThat(threads).hasSizeBetween(1, 2);
        assertThat(workers.maxWorkers()).isEqualTo(2);
    }
}
