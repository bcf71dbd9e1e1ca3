package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.time.Duration;
import java.util.Objects;

/**
 * Sleeps before it lets another plugin answer, honouring the deadline and interrupts through
 * {@link PluginCall#sleep}. VERSION is answered at once.
 */
public final class SlowPlugin implements FakePlugin {

    private final Duration delay;
    private final FakePlugin then;

    /**
     * Creates the plugin.
     *
     * @param delay how long each call sleeps
     * @param then the plugin that answers after the sleep
     */
    public SlowPlugin(Duration delay, FakePlugin then) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public PluginReply handle(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        call.sleep(delay);
        return then.handle(call);
    }

    @Override
    public PluginReply version(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return then.version(call);
    }
}
