package io.cni4j.testkit.internal.plugins;

import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.Objects;

/** Answers every verb, VERSION included, with the same reply, whatever stdin holds. */
public final class ReplyingPlugin implements FakePlugin {

    private final PluginReply reply;

    /**
     * Creates the plugin.
     *
     * @param reply the reply to every call
     */
    public ReplyingPlugin(PluginReply reply) {
        this.reply = Objects.requireNonNull(reply, "reply");
    }

    @Override
    public PluginReply handle(PluginCall call) {
        return reply;
    }

    @Override
    public PluginReply version(PluginCall call) {
        return reply;
    }
}
