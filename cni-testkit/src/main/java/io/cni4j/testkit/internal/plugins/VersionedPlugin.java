package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.List;
import java.util.Objects;

/** Another plugin that reports a chosen list of versions on VERSION. */
public final class VersionedPlugin implements FakePlugin {

    private final FakePlugin plugin;
    private final List<String> versions;

    /**
     * Creates the plugin.
     *
     * @param plugin the plugin that answers every other verb
     * @param versions the versions to report
     */
    public VersionedPlugin(FakePlugin plugin, List<String> versions) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.versions = List.copyOf(versions);
    }

    @Override
    public PluginReply handle(PluginCall call) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return plugin.handle(call);
    }

    @Override
    public PluginReply version(PluginCall call) {
        return PluginReply.versionInfo(versions);
    }
}
