package io.cni4j.tool.internal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniError;
import io.cni4j.api.CniException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.CniResults;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor: the same chain run by calling the plugins directly through the selected
 * {@link PluginExecutor}, with the stdin and environment libcni would give them, and nothing else.
 * No engine, no result cache on disk, no validation, no locks; plugin paths are resolved once.
 *
 * <ul>
 *   <li>ADD: the networks in order (loopback, then the bench network); in each, the plugins in order,
 *       each getting the previous plugin's result as {@code prevResult};</li>
 *   <li>CHECK: only networks of version 0.4.0 or later (the bench network, not loopback's 0.3.1);
 *       the plugins in order, each getting the network's final ADD result (kept in memory);</li>
 *   <li>DEL: the networks in order; in each, the plugins in reverse, with the final ADD result as
 *       {@code prevResult} from version 0.4.0 on;</li>
 *   <li>every request: the plugin's JSON with the list's {@code name} and {@code cniVersion}, and a
 *       {@code runtimeConfig} with the port mappings for a plugin that declares that capability; the
 *       environment is this process's without {@code CNI_*}, then the six {@code CNI_*} variables
 *       ({@code CNI_ARGS} empty, {@code CNI_PATH} the plugin directory).</li>
 * </ul>
 * Thread-safe: each worker uses its own container.
 */
final class FloorDriver implements Driver {

    /** The bound on each output stream, the engine's default. */
    static final long MAX_OUTPUT_BYTES = 16L * 1024 * 1024;

    private static final Set<String> CNI_VARIABLES =
            Set.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_ARGS", "CNI_IFNAME", "CNI_PATH");

    /**
     * One network as the floor runs it.
     *
     * @param name the list's name
     * @param cniVersion the list's version
     * @param ifName the interface name in the container
     * @param plugins the plugin objects, in order
     * @param executables the plugins' executables, in the same order
     * @param cachedResultVerbs whether the version is 0.4.0 or later: CHECK runs, and CHECK and DEL get
     *     the final ADD result
     */
    record Network(String name, String cniVersion, String ifName, List<ObjectNode> plugins, List<Path> executables,
                   boolean cachedResultVerbs) {
    }

    /** A container's final ADD results: per network, the result tree and the bytes the last plugin wrote. */
    private record Attachment(Map<String, JsonNode> results, List<byte[]> outputs) {
    }

    private final PluginExecutor executor;
    private final List<Network> networks;
    private final List<String> parentEnvironment;
    private final String cniPath;
    private final Duration timeout;
    private final Map<String, Attachment> attachments = new ConcurrentHashMap<>();

    /**
     * A floor driver.
     *
     * @param executor runs the plugins
     * @param pluginDir where the plugins are (also {@code CNI_PATH})
     * @param networks the networks, in order
     * @param timeout each plugin run's timeout
     */
    FloorDriver(PluginExecutor executor, Path pluginDir, List<Network> networks, Duration timeout) {
        this.executor = executor;
        this.networks = List.copyOf(networks);
        this.cniPath = pluginDir.toString();
        this.timeout = timeout;
        List<String> env = new ArrayList<>();
        System.getenv().forEach((name, value) -> {
            if (!CNI_VARIABLES.contains(name)) {
                env.add(name + "=" + value);
            }
        });
        this.parentEnvironment = List.copyOf(env);
    }

    /**
     * The floor for the bench's two networks: go-cni's loopback network (version 0.3.1, on
     * {@code lo}) and the bench's conflist.
     *
     * @param executor runs the plugins
     * @param pluginDir where the plugins are
     * @param confList the bench network's conflist text, as written to the conf dir
     * @param ifName the bench network's interface name
     * @param timeout each plugin run's timeout
     * @return the driver
     */
    static FloorDriver forBench(PluginExecutor executor, Path pluginDir, String confList, String ifName,
                                Duration timeout) {
        ObjectNode loopback = ToolJson.object().put("type", "loopback");
        List<Network> networks = new ArrayList<>();
        networks.add(new Network("cni-loopback", "0.3.1", "lo", List.of(loopback),
                List.of(pluginDir.resolve("loopback")), false));
        JsonNode list = ToolJson.parse(confList);
        List<ObjectNode> plugins = new ArrayList<>();
        List<Path> executables = new ArrayList<>();
        for (JsonNode p : list.get("plugins")) {
            plugins.add((ObjectNode) p);
            executables.add(pluginDir.resolve(p.get("type").asText()));
        }
        networks.add(new Network(list.get("name").asText(), list.get("cniVersion").asText(), ifName, plugins,
                executables, true));
        return new FloorDriver(executor, pluginDir, networks, timeout);
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public Attached setup(BenchContainer c) throws Exception {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        List<byte[]> outputs = new ArrayList<>();
        for (Network net : networks) {
            JsonNode prev = null;
            byte[] out = null;
            for (int i = 0; i < net.plugins().size(); i++) {
                out = exec(net, i, Verb.ADD, c, prev);
                prev = ToolJson.parse(new String(out, StandardCharsets.UTF_8));
            }
            results.put(net.name(), prev);
            outputs.add(out);
        }
        attachments.put(c.id(), new Attachment(results, outputs));
        return footprint -> {
            for (byte[] o : outputs) {
                footprint.hostLinks(CniResults.parse(o));
            }
        };
    }

    @Override
    public void check(BenchContainer c) throws Exception {
        Attachment a = attachments.get(c.id());
        for (Network net : networks) {
            if (!net.cachedResultVerbs()) {
                continue;
            }
            JsonNode cached = a == null ? null : a.results().get(net.name());
            for (int i = 0; i < net.plugins().size(); i++) {
                exec(net, i, Verb.CHECK, c, cached);
            }
        }
    }

    @Override
    public void remove(BenchContainer c) throws Exception {
        Attachment a = attachments.get(c.id());
        for (Network net : networks) {
            JsonNode cached = a == null || !net.cachedResultVerbs() ? null : a.results().get(net.name());
            for (int i = net.plugins().size() - 1; i >= 0; i--) {
                exec(net, i, Verb.DEL, c, cached);
            }
        }
        attachments.remove(c.id());
    }

    private byte[] exec(Network net, int index, Verb verb, BenchContainer c, JsonNode prevResult)
            throws CniException, InterruptedException {
        ObjectNode plugin = net.plugins().get(index);
        ExecResult result = executor.run(new ExecRequest(net.executables().get(index),
                request(net, plugin, prevResult, c), environment(verb, c, net), timeout, MAX_OUTPUT_BYTES));
        if (!result.succeeded()) {
            throw new PluginErrorException(error(result), plugin.get("type").asText(), verb, net.name(), null);
        }
        return result.stdout();
    }

    /** The stdin libcni derives for ADD, CHECK and DEL (§2.4), keys in insertion order. */
    static byte[] request(Network net, ObjectNode plugin, JsonNode prevResult, BenchContainer c) {
        ObjectNode conf = plugin.deepCopy();
        conf.put("name", net.name());
        conf.put("cniVersion", net.cniVersion());
        if (prevResult != null) {
            conf.set("prevResult", prevResult);
        }
        if (plugin.path("capabilities").path("portMappings").asBoolean(false) && !c.ports().isEmpty()) {
            ArrayNode mappings = conf.putObject("runtimeConfig").putArray("portMappings");
            for (PortMapping p : c.ports()) {
                ObjectNode m = mappings.addObject().put("hostPort", p.hostPort()).put("containerPort", p.containerPort())
                        .put("protocol", p.protocol());
                if (!p.hostIp().isEmpty()) {
                    m.put("hostIP", p.hostIp());
                }
            }
        }
        return ToolJson.compact(conf);
    }

    /** The parent environment without {@code CNI_*}, then the six in libcni's order (§3.2). */
    List<String> environment(Verb verb, BenchContainer c, Network net) {
        List<String> env = new ArrayList<>(parentEnvironment.size() + 6);
        env.addAll(parentEnvironment);
        env.add("CNI_COMMAND=" + verb.name());
        env.add("CNI_CONTAINERID=" + c.id());
        env.add("CNI_NETNS=" + c.netns());
        env.add("CNI_ARGS=");
        env.add("CNI_IFNAME=" + net.ifName());
        env.add("CNI_PATH=" + cniPath);
        return env;
    }

    /** The plugin's error object from stdout, else libcni's message for a failure without one. */
    private static CniError error(ExecResult result) {
        try {
            JsonNode e = ToolJson.parse(result.stdoutText());
            if (e.isObject() && e.has("code")) {
                return new CniError(e.get("code").asLong(), e.path("msg").asText(""), e.path("details").asText(""));
            }
        } catch (IllegalArgumentException e) {
            // not JSON: fall through
        }
        String stderr = result.stderrText().strip();
        return new CniError(CniError.UNKNOWN, stderr.isEmpty()
                ? "netplugin failed with no error message: " + result.describeExit()
                : "netplugin failed: \"" + stderr + "\"", "");
    }

    /** @return the networks, in order */
    List<Network> networks() {
        return networks;
    }
}
