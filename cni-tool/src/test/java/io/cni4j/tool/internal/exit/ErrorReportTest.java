package io.cni4j.tool.internal.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniError;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.LoadException;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private static PluginErrorException pluginError() {
        return new PluginErrorException(new CniError(7, "invalid config", "no bridge name"), "bridge", Verb.ADD,
                "net", null);
    }

    @Test
    @DisplayName("stderr names the message, plugin, verb and code of a plugin error")
    void pluginErrorText() {
        assertThat(ErrorReport.text(pluginError())).isEqualTo("cni4j: plugin type=\"bridge\" network=\"net\" failed "
                + "(add): invalid config; no bridge name [plugin bridge, verb ADD, code 7]\n");
    }

    @Test
    @DisplayName("causes and suppressed failures get a line each")
    void causesAndSuppressed() {
        LoadException load = new LoadException("loading /etc/cni/net.d failed",
                new NotInitializedException("no network config found in /etc/cni/net.d"));
        load.addSuppressed(pluginError());
        assertThat(ErrorReport.text(load)).isEqualTo(String.join("\n",
                "cni4j: loading /etc/cni/net.d failed",
                "  caused by: no network config found in /etc/cni/net.d",
                "  and: plugin type=\"bridge\" network=\"net\" failed (add): invalid config; no bridge name "
                        + "[plugin bridge, verb ADD, code 7]",
                ""));
    }

    @Test
    @DisplayName("a cause whose message the line above already holds is not repeated")
    void repeatedCause() {
        LoadException load = new LoadException("cni config load failed: no network config found in /x",
                new NotInitializedException("no network config found in /x"));
        assertThat(ErrorReport.text(load)).isEqualTo("cni4j: cni config load failed: no network config found in /x\n");
    }

    @Test
    @DisplayName("the error JSON carries the plugin error's fields and the exit status")
    void pluginErrorJson() {
        JsonNode json = ToolJson.parse(ToolJson.pretty(ErrorReport.json(pluginError(), 1)));
        assertThat(json.get("exitStatus").asInt()).isEqualTo(1);
        JsonNode error = json.get("error");
        assertThat(error.get("type").asText()).isEqualTo("PluginErrorException");
        assertThat(error.get("message").asText()).startsWith("plugin type=\"bridge\"");
        assertThat(error.get("plugin").asText()).isEqualTo("bridge");
        assertThat(error.get("verb").asText()).isEqualTo("ADD");
        assertThat(error.get("network").asText()).isEqualTo("net");
        assertThat(error.get("code").asLong()).isEqualTo(7);
        assertThat(error.get("msg").asText()).isEqualTo("invalid config");
        assertThat(error.get("details").asText()).isEqualTo("no bridge name");
        assertThat(error.has("causes")).isFalse();
        assertThat(error.has("suppressed")).isFalse();
    }

    @Test
    void otherErrorsJson() {
        JsonNode request = ErrorReport.json(new InvalidRequestException(new CniError(4, "bad id", "")), 1).get("error");
        assertThat(request.get("code").asLong()).isEqualTo(4);
        assertThat(request.get("msg").asText()).isEqualTo("bad id");
        JsonNode exec = ErrorReport.json(new PluginExecutionException(PluginExecutionException.Reason.NOT_FOUND,
                "failed to find plugin \"x\"", null), 1).get("error");
        assertThat(exec.get("reason").asText()).isEqualTo("NOT_FOUND");
        LoadException load = new LoadException("load", new NotInitializedException("none"));
        load.addSuppressed(pluginError());
        JsonNode loadJson = ErrorReport.json(load, 3);
        assertThat(loadJson.get("exitStatus").asInt()).isEqualTo(3);
        assertThat(loadJson.at("/error/causes/0").asText()).isEqualTo("none");
        assertThat(loadJson.at("/error/suppressed/0/plugin").asText()).isEqualTo("bridge");
    }

    @Test
    @DisplayName("print: text on stderr always, JSON on stdout only when asked, stack trace only when verbose")
    void print() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ErrorReport.print(pluginError(), 1, false, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cni4j: plugin type=\"bridge\"").doesNotContain("\tat ");
        out.reset();
        err.reset();
        ErrorReport.print(pluginError(), 1, true, true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(ToolJson.parse(out.toString(StandardCharsets.UTF_8)).at("/error/code").asInt()).isEqualTo(7);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\tat ");
    }
}
