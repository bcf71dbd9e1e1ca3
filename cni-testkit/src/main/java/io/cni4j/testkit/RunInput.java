package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.testkit.internal.json.JsonTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a fake plugin got: its environment entries and stdin, shared by the
 * {@link PluginCall} and the {@link RecordedInvocation} of the run. The environment map and the
 * parsed stdin are built on first use, once, and never handed out (callers copy what they return),
 * so a run that nobody inspects costs no parsing. Thread-safe.
 */
final class RunInput {

    private final List<String> environment;
    private final byte[] stdin;
    private volatile Map<String, String> env;
    private volatile JsonNode config;

    /**
     * Holds a run's input.
     *
     * @param environment the request's {@code NAME=value} entries
     * @param stdin the stdin bytes, owned from now on (the caller passes a copy of its own)
     */
    RunInput(List<String> environment, byte[] stdin) {
        this(environment, stdin, null, null);
    }

    /**
     * Holds an input whose map and tree are already built (a record made by hand, whose map need
     * not match its entries).
     *
     * @param environment the {@code NAME=value} entries
     * @param stdin the stdin bytes, owned from now on
     * @param env the environment map (immutable), or {@code null} to build it from the entries
     * @param config the parsed stdin, owned from now on, or {@code null} to parse it from stdin
     */
    RunInput(List<String> environment, byte[] stdin, Map<String, String> env, JsonNode config) {
        this.environment = List.copyOf(environment);
        this.stdin = stdin;
        this.env = env;
        this.config = config;
    }

    /** @return the entries as the request listed them (immutable) */
    List<String> environment() {
        return environment;
    }

    /** @return the stdin bytes themselves: not to be changed or handed out */
    byte[] stdin() {
        return stdin;
    }

    /**
     * One variable, as {@link #env()} would map it (the last entry of a name wins), without building
     * the map.
     *
     * @param name the variable name
     * @return its value, or {@code null} when unset
     */
    String env(String name) {
        Map<String, String> map = env;
        if (map != null) {
            return map.get(name);
        }
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            return null;
        }
        for (int i = environment.size() - 1; i >= 0; i--) {
            String entry = environment.get(i);
            if (entry.length() > name.length() && entry.charAt(name.length()) == '=' && entry.startsWith(name)) {
                return entry.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** @return the environment as an immutable map, the last entry of a name winning */
    Map<String, String> env() {
        Map<String, String> map = env;
        if (map == null) {
            Map<String, String> built = new LinkedHashMap<>();
            for (String entry : environment) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    built.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            map = Map.copyOf(built);
            env = map;
        }
        return map;
    }

    /** @return the parsed stdin, or a missing node: shared, so never to be changed or handed out */
    JsonNode config() {
        JsonNode node = config;
        if (node == null) {
            node = JsonTrees.parseOrMissing(stdin);
            config = node;
        }
        return node;
    }
}
