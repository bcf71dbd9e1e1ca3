package io.cni4j.exec.jna.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a body on a new platform thread that ends with it: never pooled, never virtual. A caller's
 * task inside a namespace ({@link NetnsCalls#run}) needs this, because {@code setns} changes only the
 * calling OS thread, the task may start threads or open sockets that stay there, a pooled thread
 * would carry the namespace into later tasks, and a virtual thread may move between carrier threads
 * mid-body. Internal usage only.
 */
final class FreshThread {

    private static final AtomicLong COUNTER = new AtomicLong();

    private FreshThread() {
    }

    /**
     * Runs {@code body} on a fresh thread and waits for it. An interrupt of the caller interrupts the
     * body's thread and stops the wait (the thread still ends by itself).
     *
     * @param name the thread name's prefix
     * @param body what to run
     * @param <T> the result type
     * @return what the body returned
     * @throws ExecutionException with what the body threw
     * @throws InterruptedException if the caller was interrupted
     */
    static <T> T call(String name, Callable<T> body) throws ExecutionException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, name + "-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
    }
}
