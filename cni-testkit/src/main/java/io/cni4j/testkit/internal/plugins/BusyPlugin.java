package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails to start with {@link PluginExecutionException.Reason#TEXT_FILE_BUSY} for its first runs (every
 * verb counts, VERSION included), as an executable that is still being written does, then lets another
 * plugin answer.
 */
public final class BusyPlugin implements FakePlugin {

    private final int times;
    private final FakePlugin then;
    private final AtomicLong runs = new AtomicLong();

    /**
     * Creates the plugin.
     *
     * @param times how many runs fail as busy; {@link Integer#MAX_VALUE} means every run
     * @param then the plugin that answers afterwards
     */
    public BusyPlugin(int times, FakePlugin then) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        this.times = times;
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public PluginReply handle(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        failWhileBusy(call);
        return then.handle(call);
    }

    @Override
    public PluginReply version(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        failWhileBusy(call);
        return then.version(call);
    }

    private void failWhileBusy(PluginCall call) throws PluginExecutionException {
        long run = runs.incrementAndGet();
        if (times == Integer.MAX_VALUE || run <= times) {
            throw new PluginExecutionException(PluginExecutionException.Reason.TEXT_FILE_BUSY,
                    "cannot start plugin " + call.executable() + ": text file busy (fake, run " + run + ")", null);
        }
    }
}
