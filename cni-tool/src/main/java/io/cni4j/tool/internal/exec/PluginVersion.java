package io.cni4j.tool.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniError;
import io.cni4j.api.CniException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a plugin which spec versions it supports (VERSION), as libcni's {@code GetVersionInfo} does:
 * the dummy {@code CNI_NETNS}, {@code CNI_IFNAME} and {@code CNI_PATH} that old plugins insist on, and
 * {@code {"cniVersion":"1.1.0"}} on stdin. This stays in the tool until the engine offers VERSION.
 */
public final class PluginVersion {

    /** The most stdout or stderr accepted from the plugin. */
    private static final long MAX_OUTPUT = 1 << 20;

    private PluginVersion() {
    }

    /**
     * Finds a plugin as libcni's {@code FindInPath} does: the first directory holding a regular file
     * of that name.
     *
     * @param plugin the plugin name, without separators
     * @param dirs the directories, in order
     * @return the executable
     * @throws PluginExecutionException ({@code NOT_FOUND}) if no directory holds it
     */
    public static Path find(String plugin, List<Path> dirs) throws PluginExecutionException {
        if (plugin.isEmpty() || plugin.contains("/")) {
            throw new PluginExecutionException(PluginExecutionException.Reason.NOT_FOUND,
                    "invalid plugin name: \"" + plugin + "\"", null);
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(plugin);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new PluginExecutionException(PluginExecutionException.Reason.NOT_FOUND,
                "failed to find plugin \"" + plugin + "\" in path " + dirs, null);
    }

    /**
     * Runs VERSION and returns the plugin's answer.
     *
     * @param executor the executor to run it with
     * @param plugin the plugin executable
     * @param timeout how long it may take
     * @return the answer as the plugin wrote it, parsed
     * @throws CniException a {@link PluginErrorException} (verb VERSION) if the plugin fails, or the
     *     executor's failure
     * @throws InterruptedException if interrupted
     */
    public static JsonNode query(PluginExecutor executor, Path plugin, Duration timeout)
            throws CniException, InterruptedException {
        byte[] stdin = "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8);
        ExecResult result = executor.run(new ExecRequest(plugin, stdin, environment(), timeout, MAX_OUTPUT));
        String type = plugin.getFileName().toString();
        if (!result.succeeded()) {
            throw new PluginErrorException(errorOf(result), type, Verb.VERSION, "", null);
        }
        try {
            return ToolJson.parse(result.stdoutText());
        } catch (IllegalArgumentException e) {
            throw new PluginErrorException(new CniError(CniError.DECODING_FAILURE, "decoding version info: "
                    + e.getMessage(), ""), type, Verb.VERSION, "", e);
        }
    }

    /**
     * The environment: this process's, with the six {@code CNI_*} variables set for VERSION.
     *
     * @return {@code NAME=value} entries
     */
    static List<String> environment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("CNI_COMMAND", "VERSION");
        env.put("CNI_CONTAINERID", "");
        env.put("CNI_NETNS", "dummy");
        env.put("CNI_IFNAME", "dummy");
        env.put("CNI_ARGS", "");
        env.put("CNI_PATH", "dummy");
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** The plugin's error JSON, or a description of how it exited when there is none. */
    private static CniError errorOf(ExecResult result) {
        String stdout = result.stdoutText().strip();
        if (!stdout.isEmpty()) {
            try {
                JsonNode node = ToolJson.parse(stdout);
                if (node.isObject() && node.has("code")) {
                    return new CniError(node.path("code").asLong(), node.path("msg").asText(""),
                            node.path("details").asText(""));
                }
            } catch (IllegalArgumentException e) {
                // not an error object: described below
            }
        }
        String stderr = result.stderrText().strip();
        String msg = stderr.isEmpty() ? "netplugin failed with no error message: " + result.describeExit()
                : "netplugin failed: \"" + stderr + "\"";
        return new CniError(CniError.UNKNOWN, msg, "");
    }
}
