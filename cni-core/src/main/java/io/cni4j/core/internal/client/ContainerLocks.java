package io.cni4j.core.internal.client;

import io.cni4j.api.CniTimeoutException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per container id, created on demand and dropped when nobody holds or waits for it, so that
 * setup, remove and check of one container never overlap (the spec's lifecycle rule) while different
 * containers proceed in parallel.
 */
final class ContainerLocks {

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** A held container lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Acquires the lock of a container, waiting at most {@code timeout}.
     *
     * @param containerId the container id
     * @param timeout the longest wait
     * @return the held lock
     * @throws CniTimeoutException if another operation on the container did not finish in time
     * @throws InterruptedException if interrupted while waiting
     */
    Held acquire(String containerId, Duration timeout) throws CniTimeoutException, InterruptedException {
        Entry entry = locks.compute(containerId, (k, e) -> {
            Entry x = e == null ? new Entry() : e;
            x.users++;
            return x;
        });
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!locked) {
                throw new CniTimeoutException("container \"" + containerId
                        + "\": another operation on it did not finish within " + timeout);
            }
        } finally {
            if (!locked) {
                release(containerId, entry, false);
            }
        }
        return () -> release(containerId, entry, true);
    }

    private void release(String containerId, Entry entry, boolean unlock) {
        if (unlock) {
            entry.lock.unlock();
        }
        locks.computeIfPresent(containerId, (k, e) -> {
            e.users--;
            return e.users == 0 ? null : e;
        });
    }

    /** @return how many container ids have a lock entry (for tests: entries must not pile up) */
    int size() {
        return locks.size();
    }
}
