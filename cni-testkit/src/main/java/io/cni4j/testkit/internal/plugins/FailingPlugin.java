package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.Objects;

/**
 * Fails one verb with a given error object (on stdout, exit status 1) and passes every other verb
 * through like {@link PassThroughPlugin}.
 */
public final class FailingPlugin implements FakePlugin {

    private final Verb verb;
    private final long code;
    private final String msg;
    private final String details;
    private final FakePlugin otherwise = new PassThroughPlugin();

    /**
     * Creates the plugin.
     *
     * @param verb the verb that fails
     * @param code the error code
     * @param msg the message
     * @param details the details, or empty
     */
    public FailingPlugin(Verb verb, long code, String msg, String details) {
        this.verb = Objects.requireNonNull(verb, "verb");
        this.code = code;
        this.msg = Objects.requireNonNull(msg, "msg");
        this.details = Objects.requireNonNullElse(details, "");
    }

    @Override
    public PluginReply handle(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return call.verb() == verb ? PluginReply.error(call.cniVersion(), code, msg, details) : otherwise.handle(call);
    }

    @Override
    public PluginReply version(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return verb == Verb.VERSION ? PluginReply.error(call.cniVersion(), code, msg, details) : otherwise.version(call);
    }
}
