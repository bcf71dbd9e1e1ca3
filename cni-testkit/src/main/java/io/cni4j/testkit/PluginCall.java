package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.Verb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a {@link FakePlugin}: what a real plugin would find in its environment and on stdin,
 * parsed on first use, plus the deadline its executor enforces.
 */
public final class PluginCall {

    private final String pluginType;
    private final Path executable;
    private final Verb verb;
    private final RunInput input;
    private final Duration timeout;
    private final Instant deadline;

    PluginCall(String pluginType, Path executable, Verb verb, RunInput input, Duration timeout, Instant deadline) {
        this.pluginType = pluginType;
        this.executable = executable;
        this.verb = verb;
        this.input = input;
        this.timeout = timeout;
        this.deadline = deadline;
    }

    /** @return the plugin type, i.e. the executable's file name */
    public String pluginType() {
        return pluginType;
    }

    /** @return the executable path the engine asked to run */
    public Path executable() {
        return executable;
    }

    /** @return the verb from {@code CNI_COMMAND} */
    public Verb verb() {
        return verb;
    }

    /** @return the complete environment of the call */
    public Map<String, String> env() {
        return input.env();
    }

    /**
     * One environment variable.
     *
     * @param name the variable name
     * @return its value, or empty when unset
     */
    public String env(String name) {
        String value = input.env(name);
        return value == null ? "" : value;
    }

    /** @return {@code CNI_CONTAINERID}, or empty */
    public String containerId() {
        return env("CNI_CONTAINERID");
    }

    /** @return {@code CNI_IFNAME}, or empty */
    public String ifName() {
        return env("CNI_IFNAME");
    }

    /** @return {@code CNI_NETNS}, or empty */
    public String netns() {
        return env("CNI_NETNS");
    }

    /** @return a copy of the stdin bytes */
    public byte[] stdin() {
        return input.stdin().clone();
    }

    /** @return stdin decoded as UTF-8 */
    public String stdinText() {
        return new String(input.stdin(), StandardCharsets.UTF_8);
    }

    /** @return the parsed stdin (a copy), or a {@link MissingNode} when stdin is not one JSON value */
    public JsonNode config() {
        return input.config().deepCopy();
    }

    /**
     * Tells whether stdin is one JSON object, what a real plugin checks first; unlike
     * {@code config().isObject()} it copies nothing.
     *
     * @return {@code true} if stdin parses as a JSON object
     */
    public boolean stdinIsObject() {
        return input.config().isObject();
    }

    /** @return the parsed stdin itself, for this package's plugins that only read it: never to be changed */
    JsonNode configView() {
        return input.config();
    }

    /** @return the config's {@code cniVersion}, or empty when absent (which libcni reads as 0.1.0) */
    public String cniVersion() {
        return input.config().path("cniVersion").asText("");
    }

    /** @return the config's {@code name}, or empty */
    public String networkName() {
        return input.config().path("name").asText("");
    }

    /** @return the config's {@code prevResult} (a copy), or a {@link MissingNode} when absent */
    public JsonNode prevResult() {
        return input.config().path("prevResult").deepCopy();
    }

    /** @return the config's {@code runtimeConfig} (a copy), or a {@link MissingNode} when absent */
    public JsonNode runtimeConfig() {
        return input.config().path("runtimeConfig").deepCopy();
    }

    /** @return when the executor gives up on this call */
    public Instant deadline() {
        return deadline;
    }

    /**
     * Sleeps like a slow plugin, honouring the executor contract: if the sleep would outlast the
     * deadline, it sleeps until the deadline and throws {@link CniTimeoutException}; an interrupt ends
     * it with {@link InterruptedException}.
     *
     * @param duration how long to sleep
     * @throws CniTimeoutException if the deadline passed first
     * @throws InterruptedException if the thread was interrupted
     */
    public void sleep(Duration duration) throws CniTimeoutException, InterruptedException {
        Objects.requireNonNull(duration, "duration");
        Instant now = Instant.now();
        boolean timesOut = Duration.between(now, deadline).compareTo(duration) < 0;
        Duration nap = timesOut ? Duration.between(now, deadline) : duration;
        if (!nap.isNegative()) {
            Thread.sleep(nap.toMillis(), nap.toNanosPart() % 1_000_000);
        }
        if (timesOut) {
            throw timeout();
        }
    }

    CniTimeoutException timeout() {
        return new CniTimeoutException("fake plugin \"" + pluginType + "\" (" + verb.description()
                + ") ran past its timeout of " + timeout + "; executable " + executable);
    }

    @Override
    public String toString() {
        return pluginType + " " + verb;
    }
}
