package io.cni4j.tool.internal.host;

import io.cni4j.tool.internal.exit.ExitStatus;
import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * A teardown that runs exactly once, whoever gets there first: the run itself when it ends, or a JVM
 * shutdown hook when the JVM is stopped (Ctrl-C). A second caller returns at once, or waits while the
 * first is still tearing down.
 */
public final class OnceTeardown {

    private final String what;
    private final PrintStream messages;
    private final IntSupplier teardown;
    private final Thread hook;
    private boolean done;
    private volatile Thread teardownThread;

    /**
     * A teardown, not yet armed.
     *
     * @param what the run's name in messages, e.g. {@code demo}
     * @param messages where the shutdown hook says that it tears down
     * @param teardown the work; returns an exit status (0: everything it made is gone)
     */
    public OnceTeardown(String what, PrintStream messages, IntSupplier teardown) {
        this.what = what;
        this.messages = messages;
        this.teardown = teardown;
        this.hook = new Thread(this::onShutdown, "cni4j-" + what + "-teardown");
    }

    /** Registers the shutdown hook. */
    public void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Unregisters the shutdown hook; harmless while the JVM is already shutting down. */
    public void disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook found the work done
        }
    }

    /**
     * Runs the teardown unless it ran already.
     *
     * @return its exit status, or 0 if it ran before
     */
    public synchronized int run() {
        if (done) {
            return ExitStatus.OK;
        }
        done = true;
        teardownThread = Thread.currentThread();
        return teardown.getAsInt();
    }

    /** @return whether the teardown has started */
    public synchronized boolean started() {
        return done;
    }

    /**
     * Whether this thread's output is unwanted: once the shutdown hook tears down, work still
     * finishing on other threads (or failing because its resources went away) stays quiet.
     *
     * @return {@code true} if another thread tears down
     */
    public boolean silenced() {
        Thread t = teardownThread;
        return t != null && t != Thread.currentThread();
    }

    private void onShutdown() {
        if (started()) {
            return;
        }
        messages.println("interrupted: tearing down");
        messages.flush();
        int status = run();
        messages.println(status == ExitStatus.OK ? what + " interrupted: everything it made is gone."
                : what + " interrupted: teardown incomplete, see above.");
        messages.flush();
    }
}
