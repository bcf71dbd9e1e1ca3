package io.cni4j.testkit;

import io.cni4j.api.Verb;
import io.cni4j.testkit.internal.plugins.BusyPlugin;
import io.cni4j.testkit.internal.plugins.FailingPlugin;
import io.cni4j.testkit.internal.plugins.LoopbackPlugin;
import io.cni4j.testkit.internal.plugins.PassThroughPlugin;
import io.cni4j.testkit.internal.plugins.ReplyingPlugin;
import io.cni4j.testkit.internal.plugins.SlowPlugin;
import io.cni4j.testkit.internal.plugins.VersionedPlugin;
import java.time.Duration;
import java.util.List;

/**
 * Ready-made {@link FakePlugin}s for the situations engine tests need. Each checks its stdin as the
 * reference plugins do (JSON object, known {@code cniVersion}) unless it is meant to misbehave.
 *
 * <pre>{@code
 * FakePluginExecutor executor = new FakePluginExecutor()
 *         .register("bridge", FakePlugins.bridge("10.22.0.0/16"))
 *         .register("portmap", FakePlugins.passThrough())
 *         .register("firewall", FakePlugins.failing(Verb.ADD, 7, "bad config", "no backend"));
 * }</pre>
 */
public final class FakePlugins {

    private FakePlugins() {
    }

    /** @return a bridge-like plugin with an IP pool over {@value FakeBridgePlugin#DEFAULT_SUBNET} */
    public static FakeBridgePlugin bridge() {
        return new FakeBridgePlugin();
    }

    /**
     * A bridge-like plugin with an IP pool.
     *
     * @param defaultSubnet the subnet used when the config has no {@code ipam.subnet}
     * @return the plugin
     */
    public static FakeBridgePlugin bridge(String defaultSubnet) {
        return new FakeBridgePlugin(defaultSubnet);
    }

    /** @return a loopback-like plugin: ADD reports {@code lo} with 127.0.0.1/8 and ::1/128 */
    public static FakePlugin loopback() {
        return new LoopbackPlugin();
    }

    /**
     * A chained plugin that changes nothing: ADD returns {@code prevResult} (or an empty result),
     * the other verbs succeed. Stands in for portmap, firewall, tuning and the like.
     *
     * @return the plugin
     */
    public static FakePlugin passThrough() {
        return new PassThroughPlugin();
    }

    /**
     * A plugin that fails one verb with the spec's error object on stdout and exit status 1, and
     * passes the other verbs through.
     *
     * @param verb the verb that fails (VERSION too)
     * @param code the error code
     * @param msg the message
     * @param details the details, or empty
     * @return the plugin
     */
    public static FakePlugin failing(Verb verb, long code, String msg, String details) {
        return new FailingPlugin(verb, code, msg, details);
    }

    /**
     * A pass-through plugin that first sleeps on every verb but VERSION.
     *
     * @param delay how long each call sleeps; past the request's deadline the call ends with
     *     {@link io.cni4j.api.CniTimeoutException}
     * @return the plugin
     */
    public static FakePlugin slow(Duration delay) {
        return slow(delay, passThrough());
    }

    /**
     * Another plugin that first sleeps on every verb but VERSION.
     *
     * @param delay how long each call sleeps
     * @param then the plugin that answers afterwards
     * @return the plugin
     */
    public static FakePlugin slow(Duration delay, FakePlugin then) {
        return new SlowPlugin(delay, then);
    }

    /** @return a plugin that prints {@code this is not JSON} on every verb and exits 0 */
    public static FakePlugin garbage() {
        return garbage("this is not JSON");
    }

    /**
     * A plugin that prints the given text on every verb, VERSION included, and exits 0.
     *
     * @param text what it prints
     * @return the plugin
     */
    public static FakePlugin garbage(String text) {
        return replying(PluginReply.raw(0, text, ""));
    }

    /**
     * A plugin that answers every verb, VERSION included, with the same reply and does not look at
     * its stdin: for tests of how the engine reads exactly this output (error objects, odd version
     * info, stderr, a signal, see {@link PluginReply#raw} and {@link PluginReply#killed}).
     *
     * @param reply the reply to every call
     * @return the plugin
     */
    public static FakePlugin replying(PluginReply reply) {
        return new ReplyingPlugin(reply);
    }

    /**
     * A plugin whose executable is "busy" for its first runs: each of them fails to start with
     * {@link io.cni4j.api.PluginExecutionException.Reason#TEXT_FILE_BUSY} (a new exception per run, as
     * a real executor reports a plugin binary that is still open for writing); later runs go to
     * {@code then}. Every verb counts, VERSION included. For tests of the engine's busy retry.
     *
     * @param times how many runs fail as busy; {@link Integer#MAX_VALUE} means every run
     * @param then the plugin that answers after the busy runs
     * @return the plugin
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public static FakePlugin busy(int times, FakePlugin then) {
        return new BusyPlugin(times, then);
    }

    /**
     * Another plugin that reports the given versions on VERSION.
     *
     * @param plugin the plugin for the other verbs
     * @param versions the versions to report, e.g. {@code "0.3.1", "0.4.0"}
     * @return the plugin
     */
    public static FakePlugin withVersions(FakePlugin plugin, String... versions) {
        return new VersionedPlugin(plugin, List.of(versions));
    }
}
