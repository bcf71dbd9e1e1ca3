package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a fake plugin as {@link FakePluginExecutor} saw it: what went in (verb, environment,
 * stdin, the request's limits), what came out (the reply, or the exception the executor threw), on
 * which thread and when.
 *
 * <p>The executor's records share the run's input with the plugin's {@link PluginCall}: the
 * environment map and the parsed stdin are built when first asked for (by the plugin or by a test),
 * once, so recording costs no parsing. Every accessor returns what it always did; a record made
 * with the public constructor holds copies of what it was given.
 */
public final class RecordedInvocation {

    private final String pluginType;
    private final Path executable;
    private final String command;
    private final Verb verb;
    private final RunInput input;
    private final Duration timeout;
    private final long maxOutputBytes;
    private final PluginReply reply;
    private final Throwable failure;
    private final String threadName;
    private final Instant start;
    private final Instant end;

    /**
     * Validates and copies the components.
     *
     * @param pluginType the plugin type
     * @param executable the executable
     * @param command the command
     * @param verb the verb or {@code null}
     * @param env the environment
     * @param environment the environment entries
     * @param stdin the stdin bytes
     * @param config the parsed stdin
     * @param timeout the request's timeout
     * @param maxOutputBytes the request's output bound
     * @param reply the reply or {@code null}
     * @param failure the failure or {@code null}
     * @param threadName the thread name
     * @param start the start
     * @param end the end
     */
    public RecordedInvocation(String pluginType, Path executable, String command, Verb verb,
                              Map<String, String> env, List<String> environment, byte[] stdin, JsonNode config,
                              Duration timeout, long maxOutputBytes, PluginReply reply, Throwable failure,
                              String threadName, Instant start, Instant end) {
        this(pluginType, executable, command, verb,
                new RunInput(environment, stdin.clone(), Map.copyOf(env),
                        config == null ? MissingNode.getInstance() : config.deepCopy()),
                timeout, maxOutputBytes, reply, failure, threadName, start, end);
    }

    /** The executor's record of a run: shares the run's input, whose map and tree are built on first use. */
    RecordedInvocation(String pluginType, Path executable, String command, Verb verb, RunInput input,
                       Duration timeout, long maxOutputBytes, PluginReply reply, Throwable failure,
                       String threadName, Instant start, Instant end) {
        this.pluginType = Objects.requireNonNull(pluginType, "pluginType");
        this.executable = Objects.requireNonNull(executable, "executable");
        this.command = Objects.requireNonNull(command, "command");
        this.verb = verb;
        this.input = input;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxOutputBytes = maxOutputBytes;
        this.reply = reply;
        this.failure = failure;
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
    }

    /** @return the plugin type (the executable's file name) */
    public String pluginType() {
        return pluginType;
    }

    /** @return the executable path the engine asked to run */
    public Path executable() {
        return executable;
    }

    /** @return the raw {@code CNI_COMMAND} value, empty when unset */
    public String command() {
        return command;
    }

    /** @return the verb, or {@code null} when {@link #command()} is not a CNI verb */
    public Verb verb() {
        return verb;
    }

    /** @return the complete environment as a map (the last entry of a name wins) */
    public Map<String, String> env() {
        return input.env();
    }

    /**
     * @return the environment exactly as the request listed it: {@code NAME=value} entries in order,
     *     duplicates kept
     */
    public List<String> environment() {
        return input.environment();
    }

    /** @return a copy of the stdin bytes */
    public byte[] stdin() {
        return input.stdin().clone();
    }

    /** @return a copy of the parsed stdin, or a {@link MissingNode} when stdin is not one JSON value */
    public JsonNode config() {
        return input.config().deepCopy();
    }

    /** @return the time the request allowed for the run ({@link ExecRequest#timeout()}) */
    public Duration timeout() {
        return timeout;
    }

    /** @return the request's bound on stdout and on stderr ({@link ExecRequest#maxOutputBytes()}) */
    public long maxOutputBytes() {
        return maxOutputBytes;
    }

    /** @return the plugin's reply, or {@code null} when the run ended with an exception */
    public PluginReply reply() {
        return reply;
    }

    /** @return the exception the executor threw, or {@code null} */
    public Throwable failure() {
        return failure;
    }

    /** @return the name of the thread that ran the plugin */
    public String threadName() {
        return threadName;
    }

    /** @return when the run started */
    public Instant start() {
        return start;
    }

    /** @return when the run ended */
    public Instant end() {
        return end;
    }

    /** @return stdin decoded as UTF-8 */
    public String stdinText() {
        return new String(input.stdin(), StandardCharsets.UTF_8);
    }

    /**
     * One environment variable.
     *
     * @param name the variable name
     * @return its value, if set
     */
    public Optional<String> env(String name) {
        return Optional.ofNullable(input.env(name));
    }

    /** @return the config's {@code runtimeConfig} (the capability arguments), or a {@link MissingNode} */
    public JsonNode runtimeConfig() {
        return input.config().path("runtimeConfig").deepCopy();
    }

    /** @return {@code true} if the plugin replied with exit status 0 */
    public boolean succeeded() {
        return reply != null && reply.exitCode() == 0;
    }

    /** @return e.g. {@code bridge ADD (container c1, eth0)}, for messages */
    public String describe() {
        StringBuilder sb = new StringBuilder(pluginType).append(' ').append(verb != null ? verb.name() : command);
        String container = Objects.requireNonNullElse(input.env("CNI_CONTAINERID"), "");
        String ifName = Objects.requireNonNullElse(input.env("CNI_IFNAME"), "");
        if (!container.isEmpty() || !ifName.isEmpty()) {
            sb.append(" (container ").append(container).append(", ").append(ifName).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
