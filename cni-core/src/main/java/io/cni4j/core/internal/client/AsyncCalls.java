package io.cni4j.core.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs blocking calls for the {@code ...Async} methods. Cancelling a returned future interrupts the
 * thread running its call, which kills the running plugin; {@link CompletableFuture#cancel} alone would
 * not.
 */
final class AsyncCalls {

    private AsyncCalls() {
    }

    /** A blocking call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /**
     * Starts a call on {@code executor}.
     *
     * @param executor where to run it
     * @param call the call
     * @param <T> the result type
     * @return a future completing with the call's value or exception
     */
    static <T> CompletableFuture<T> start(Executor executor, Call<T> call) {
        InterruptingFuture<T> future = new InterruptingFuture<>();
        try {
            executor.execute(() -> future.runOnCurrentThread(call));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    private static final class InterruptingFuture<T> extends CompletableFuture<T> {
        private Thread runner;

        void runOnCurrentThread(Call<T> call) {
            synchronized (this) {
                if (isDone()) {
                    return;
                }
                runner = Thread.currentThread();
            }
            try {
                complete(call.run());
            } catch (Throwable t) {
                completeExceptionally(t);
            } finally {
                synchronized (this) {
                    runner = null;
                    Thread.interrupted(); // a late cancel must not leak into the pool's next task
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            synchronized (this) {
                if (cancelled && runner != null) {
                    runner.interrupt();
                }
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
