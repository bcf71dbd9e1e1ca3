package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.testkit.internal.json.JsonTrees;
import io.cni4j.testkit.internal.json.ResultJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FakePlugin} answers: its exit status and the bytes it prints, exactly what a real
 * plugin process would produce. The factories write the CNI spec's shapes (results, error objects,
 * version info) so that the engine parses them as it parses real plugin output.
 *
 * <p>A reply can also say that the plugin was killed by a signal ({@link #killed(int)}), as native
 * executors report it in {@link io.cni4j.api.spi.ExecResult}: exit status -1 and the signal number.
 *
 * @param exitCode the exit status, 0&ndash;255, or -1 when {@code signal} is set
 * @param signal the signal that killed the plugin, or 0
 * @param stdout the bytes printed on stdout
 * @param stderr the bytes printed on stderr
 */
public record PluginReply(int exitCode, int signal, byte[] stdout, byte[] stderr) {

    /** Every spec version, as the default VERSION answer reports them. */
    public static final List<String> ALL_VERSIONS = ResultJson.VERSIONS;

    /**
     * Validates and copies the components.
     *
     * @param exitCode the exit status, 0&ndash;255, or -1 with a signal
     * @param signal the signal, or 0
     * @param stdout stdout bytes
     * @param stderr stderr bytes
     * @throws IllegalArgumentException if the exit status is out of range, the signal is negative, or a
     *     signal comes with an exit status other than -1
     */
    public PluginReply {
        if (signal < 0) {
            throw new IllegalArgumentException("signal must not be negative: " + signal);
        }
        if (signal > 0 && exitCode != -1) {
            throw new IllegalArgumentException("a plugin killed by signal " + signal + " has exit code -1, not " + exitCode);
        }
        if (signal == 0 && (exitCode < 0 || exitCode > 255)) {
            throw new IllegalArgumentException("exit code must be 0-255: " + exitCode);
        }
        stdout = Objects.requireNonNull(stdout, "stdout").clone();
        stderr = Objects.requireNonNull(stderr, "stderr").clone();
    }

    /**
     * A reply of a plugin that exited normally.
     *
     * @param exitCode the exit status, 0&ndash;255
     * @param stdout stdout bytes
     * @param stderr stderr bytes
     * @throws IllegalArgumentException if the exit status is out of range
     */
    public PluginReply(int exitCode, byte[] stdout, byte[] stderr) {
        this(exitCode, 0, stdout, stderr);
    }

    /** @return success with nothing printed, as DEL, CHECK, GC and STATUS answer */
    public static PluginReply ok() {
        return new PluginReply(0, new byte[0], new byte[0]);
    }

    /**
     * Success with a JSON document on stdout.
     *
     * @param json the document
     * @return the reply
     */
    public static PluginReply ok(JsonNode json) {
        return new PluginReply(0, JsonTrees.bytes(json), new byte[0]);
    }

    /**
     * Success with a result in the shape of a spec version, usually the config's
     * ({@link PluginCall#cniVersion()}).
     *
     * @param cniVersion the version to write the result in
     * @param result the result
     * @return the reply
     * @throws IllegalArgumentException if the version has no result shape
     */
    public static PluginReply result(String cniVersion, CniResult result) {
        return ok(ResultJson.write(cniVersion, result));
    }

    /**
     * Failure as the spec prescribes: the error object on stdout and exit status 1.
     *
     * @param cniVersion the version to label the error with (empty leaves it out)
     * @param code the error code
     * @param msg the message
     * @param details the details, or empty
     * @return the reply
     */
    public static PluginReply error(String cniVersion, long code, String msg, String details) {
        ObjectNode error = JsonTrees.object();
        if (!cniVersion.isEmpty()) {
            error.put("cniVersion", cniVersion);
        }
        error.put("code", code);
        error.put("msg", msg);
        if (details != null && !details.isEmpty()) {
            error.put("details", details);
        }
        return new PluginReply(1, JsonTrees.bytes(error), new byte[0]);
    }

    /**
     * The VERSION answer: {@code {"cniVersion":"1.1.0","supportedVersions":[...]}}.
     *
     * @param supportedVersions the versions to report, in order
     * @return the reply
     */
    public static PluginReply versionInfo(List<String> supportedVersions) {
        ObjectNode info = JsonTrees.object();
        info.put("cniVersion", "1.1.0");
        supportedVersions.forEach(info.putArray("supportedVersions")::add);
        return ok(info);
    }

    /**
     * Any exit status and output, for replies the spec does not shape (garbage, stderr-only failures).
     *
     * @param exitCode the exit status
     * @param stdout the stdout text (UTF-8)
     * @param stderr the stderr text (UTF-8)
     * @return the reply
     */
    public static PluginReply raw(int exitCode, String stdout, String stderr) {
        return new PluginReply(exitCode, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A plugin killed by a signal before it printed anything (a crash, the OOM killer), as native
     * executors report it: exit status -1 and the signal. Executors built on {@link ProcessBuilder}
     * report such a run as exit status 128 + signal instead; use {@link #raw} for that.
     *
     * @param signal the signal number, e.g. 9
     * @return the reply
     * @throws IllegalArgumentException if {@code signal} is not positive
     */
    public static PluginReply killed(int signal) {
        if (signal <= 0) {
            throw new IllegalArgumentException("signal must be positive: " + signal);
        }
        return new PluginReply(-1, signal, new byte[0], new byte[0]);
    }

    /** @return a copy of stdout */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** @return a copy of stderr */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** @return stdout decoded as UTF-8 */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** @return stderr decoded as UTF-8 */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginReply r && r.exitCode == exitCode && r.signal == signal
                && Arrays.equals(r.stdout, stdout) && Arrays.equals(r.stderr, stderr);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * exitCode + signal) + Arrays.hashCode(stdout)) + Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        String end = signal != 0 ? "signal " + signal : "exit " + exitCode;
        return "PluginReply[" + end + ", stdout=" + stdoutText() + ", stderr=" + stderrText() + "]";
    }
}
