package io.cni4j.testkit.internal.plugins;

import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.Objects;

/** Prints the same text, which is not valid output, on stdout for every verb and exits 0. */
public final class GarbagePlugin implements FakePlugin {

    private final String text;

    /**
     * Creates the plugin.
     *
     * @param text what it prints
     */
    public GarbagePlugin(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public PluginReply handle(PluginCall call) {
        return PluginReply.raw(0, text, "");
    }

    @Override
    public PluginReply version(PluginCall call) {
        return PluginReply.raw(0, text, "");
    }
}
