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
 * @param pluginType the plugin type (the executable's file name)
 * @param executable the executable path the engine asked to run
 * @param command the raw {@code CNI_COMMAND} value, empty when unset
 * @param verb the verb, or {@code null} when {@code command} is not a CNI verb
 * @param env the complete environment as a map (the last entry of a name wins)
 * @param environment the environment exactly as the request listed it: {@code NAME=value} entries in
 *     order, duplicates kept, for tests of the order and completeness of what the engine passes
 * @param stdin the stdin bytes
 * @param config the parsed stdin, or a {@link MissingNode} when stdin is not one JSON value
 * @param timeout the time the request allowed for the run ({@link ExecRequest#timeout()})
 * @param maxOutputBytes the request's bound on stdout and on stderr ({@link ExecRequest#maxOutputBytes()})
 * @param reply the plugin's reply, or {@code null} when the run ended with an exception
 * @param failure the exception the executor threw (timeout, interrupt, output limit, or the
 *     plugin's own), or {@code null}
 * @param threadName the name of the thread that ran the plugin
 * @param start when the run started
 * @param end when the run ended
 */
public record RecordedInvocation(String pluginType, Path executable, String command, Verb verb,
                                 Map<String, String> env, List<String> environment, byte[] stdin, JsonNode config,
                                 Duration timeout, long maxOutputBytes, PluginReply reply, Throwable failure,
                                 String threadName, Instant start, Instant end) {

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
    public RecordedInvocation {
        Objects.requireNonNull(pluginType, "pluginType");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(command, "command");
        env = Map.copyOf(env);
        environment = List.copyOf(environment);
        stdin = stdin.clone();
        config = config == null ? MissingNode.getInstance() : config.deepCopy();
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** @return a copy of the stdin bytes */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** @return a copy of the parsed stdin */
    @Override
    public JsonNode config() {
        return config.deepCopy();
    }

    /** @return stdin decoded as UTF-8 */
    public String stdinText() {
        return new String(stdin, StandardCharsets.UTF_8);
    }

    /**
     * One environment variable.
     *
     * @param name the variable name
     * @return its value, if set
     */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /** @return the config's {@code runtimeConfig} (the capability arguments), or a {@link MissingNode} */
    public JsonNode runtimeConfig() {
        return config.path("runtimeConfig").deepCopy();
    }

    /** @return {@code true} if the plugin replied with exit status 0 */
    public boolean succeeded() {
        return reply != null && reply.exitCode() == 0;
    }

    /** @return e.g. {@code bridge ADD (container c1, eth0)}, for messages */
    public String describe() {
        StringBuilder sb = new StringBuilder(pluginType).append(' ').append(verb != null ? verb.name() : command);
        String container = env.getOrDefault("CNI_CONTAINERID", "");
        String ifName = env.getOrDefault("CNI_IFNAME", "");
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
