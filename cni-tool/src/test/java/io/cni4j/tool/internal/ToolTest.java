package io.cni4j.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniError;
import io.cni4j.api.CniException;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.ConfigReadException;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetnsException;
import io.cni4j.api.NetworkNotFoundException;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.ResultCacheException;
import io.cni4j.api.Verb;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.output.SampleValues;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool end to end with a fake client: what each command prints, and every exit status. */
class ToolTest {

    private final FakeCni cni = new FakeCni();
    private final List<GlobalOptions> clientOptions = new ArrayList<>();

    record Outcome(int status, String out, String err) {
        JsonNode json() {
            return ToolJson.parse(out);
        }
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Tool tool = new Tool(g -> {
            clientOptions.add(g);
            return cni;
        }, name -> {
            throw new AssertionError("no executor provider expected");
        }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = tool.run(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("setup prints the result as JSON, loads loopback and the default conf, closes the client")
    void setupJson() {
        cni.result = SampleValues.result();
        Outcome o = run("setup", "c1", "/run/netns/c1");
        assertThat(o.status()).isZero();
        assertThat(o.err()).isEmpty();
        assertThat(o.json().at("/interfaces/eth0/addresses/0/address").asText()).isEqualTo("10.1.2.3/24");
        assertThat(cni.calls).containsExactly("load", "setup c1 /run/netns/c1");
        assertThat(cni.loaded).containsExactly(LoadOption.loopback(), LoadOption.defaultConf());
        assertThat(cni.closed).isTrue();
    }

    @Test
    @DisplayName("setup passes the per-call options; --serial uses setupSerially; a bare NETNS name is under /run/netns")
    void setupOptions() {
        Outcome o = run("--timeout", "5s", "setup", "c1", "web", "--serial", "--port", "8080:80/tcp", "--arg", "A=1");
        assertThat(o.status()).isZero();
        assertThat(cni.calls).containsExactly("load", "setupSerially c1 /run/netns/web");
        assertThat(cni.namespaces.get(0).capabilities()).containsKey("portMappings");
        assertThat(cni.namespaces.get(0).args()).isEqualTo(Map.of("A", "1"));
        assertThat(cni.namespaces.get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(clientOptions.get(0).timeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("--no-loopback and --all-conf change what is loaded")
    void loadOptions() {
        run("--no-loopback", "--all-conf", "check", "c1", "/run/netns/c1");
        assertThat(cni.loaded).containsExactly(LoadOption.allConf());
    }

    @Test
    void setupTable() {
        cni.result = SampleValues.result();
        Outcome o = run("setup", "c1", "/run/netns/c1", "--output", "table");
        assertThat(o.status()).isZero();
        assertThat(o.out()).startsWith("INTERFACE  ADDRESS").contains("eth0       10.1.2.3/24");
    }

    @Test
    @DisplayName("remove and check print nothing with JSON and a confirmation line with a table")
    void removeAndCheck() {
        assertThat(run("remove", "c1", "").out()).isEmpty();
        assertThat(cni.calls).contains("remove c1 ");
        assertThat(run("--output", "table", "remove", "c1", "/run/netns/c1").out()).isEqualTo("removed c1\n");
        assertThat(run("check", "c1", "/run/netns/c1").out()).isEmpty();
        assertThat(run("check", "c1", "/run/netns/c1", "--output=table").out()).isEqualTo("ok: c1\n");
    }

    @Test
    void statusUsesTheTimeout() {
        Outcome o = run("status", "--timeout", "2s", "--output", "table");
        assertThat(o.status()).isZero();
        assertThat(o.out()).isEqualTo("ready\n");
        assertThat(cni.statusTimeout).isEqualTo(Duration.ofSeconds(2));
        run("status");
        assertThat(cni.statusTimeout).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void gcPassesTheValidAttachments() {
        Outcome o = run("gc", "--valid", "c1:eth0", "--valid", "c2:net1");
        assertThat(o.status()).isZero();
        assertThat(cni.gcValid).containsExactly(new GcAttachment("c1", "eth0"), new GcAttachment("c2", "net1"));
    }

    @Test
    void config() {
        cni.config = SampleValues.config();
        Outcome o = run("config", "--conf-dir", "/x");
        assertThat(o.status()).isZero();
        assertThat(o.json().at("/networks/1/name").asText()).isEqualTo("net");
        assertThat(clientOptions.get(0).confDir()).isEqualTo(Path.of("/x"));
        assertThat(run("config", "--output", "table").out()).contains("NETWORK       IFNAME");
    }

    @Test
    @DisplayName("attachments reads the cache without loading networks")
    void attachments() {
        cni.attachments = SampleValues.attachments();
        Outcome o = run("attachments", "c1");
        assertThat(o.status()).isZero();
        assertThat(cni.calls).containsExactly("attachments c1");
        assertThat(o.json().get(0).get("containerId").asText()).isEqualTo("c1");
        run("attachments");
        assertThat(cni.calls).contains("attachments ");
    }

    @Test
    @DisplayName("version asks the client without loading networks, prints its answer and closes the client")
    void version() {
        Outcome o = run("version", "bridge", "--plugin-dir", "/p");
        assertThat(o.status()).isZero();
        assertThat(cni.calls).containsExactly("versionInfo bridge");
        assertThat(cni.closed).isTrue();
        assertThat(clientOptions.get(0).pluginDirs()).containsExactly(Path.of("/p"));
        assertThat(o.json().get("cniVersion").asText()).isEqualTo("1.1.0");
        assertThat(o.json().get("supportedVersions")).extracting(JsonNode::asText).containsExactly("0.4.0", "1.0.0");
        assertThat(run("version", "bridge", "--output", "table").out())
                .isEqualTo("PLUGIN  CNI VERSION  SUPPORTED VERSIONS\nbridge  1.1.0        0.4.0, 1.0.0\n");
        cni.failure = new InvalidResultException("decoding version info: bad");
        assertThat(run("version", "bridge").status()).isEqualTo(1);
    }

    static Stream<Arguments> failures() {
        CniError error = new CniError(7, "invalid config", "no bridge");
        return Stream.of(
                Arguments.of(new PluginErrorException(error, "bridge", Verb.ADD, "net", null), 1),
                Arguments.of(new InvalidRequestException(new CniError(4, "bad id", "")), 1),
                Arguments.of(new InvalidConfigException("bad config"), 1),
                Arguments.of(new ConfigReadException("unreadable"), 1),
                Arguments.of(new InvalidResultException("garbage result"), 1),
                Arguments.of(new NetworkNotFoundException("no such network"), 1),
                Arguments.of(new PluginExecutionException(PluginExecutionException.Reason.NOT_FOUND, "no plugin", null), 1),
                Arguments.of(new NetnsException("no netns"), 1),
                Arguments.of(new ResultCacheException("cache broken", new IOException("disk")), 1),
                Arguments.of(new NotInitializedException("no networks"), 3),
                Arguments.of(new CniTimeoutException("plugin bridge timed out"), 4),
                Arguments.of(new IllegalStateException("no executor provider"), 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    @DisplayName("a failure exits with its status, tells stderr, and prints the error JSON on stdout")
    void failureStatus(Exception failure, int status) {
        cni.failure = failure;
        Outcome o = run("setup", "c1", "/run/netns/c1");
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.err()).startsWith("cni4j: " + failure.getMessage());
        JsonNode json = o.json();
        assertThat(json.get("exitStatus").asInt()).isEqualTo(status);
        assertThat(json.at("/error/type").asText()).isEqualTo(failure.getClass().getSimpleName());
        assertThat(json.at("/error/message").asText()).isEqualTo(failure.getMessage());
        assertThat(cni.closed).isTrue();
    }

    @Test
    @DisplayName("a plugin error names plugin, verb and code on stderr; with a table, stdout stays empty")
    void pluginErrorTable() {
        cni.failure = new PluginErrorException(new CniError(7, "invalid config", ""), "bridge", Verb.DEL, "net", null);
        Outcome o = run("remove", "c1", "/run/netns/c1", "--output", "table");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("bridge").contains("verb DEL").contains("code 7");
    }

    @Test
    @DisplayName("an empty conf dir makes load fail as not initialized: exit 3")
    void notInitializedLoad() {
        cni.loadFailure = new LoadException("loading failed", new NotInitializedException("no network config found in /etc/cni/net.d"));
        Outcome o = run("status");
        assertThat(o.status()).isEqualTo(3);
        assertThat(o.err()).contains("caused by: no network config found in /etc/cni/net.d");
        assertThat(cni.calls).containsExactly("load");
        assertThat(cni.closed).isTrue();
    }

    @Test
    @DisplayName("remove goes on with the result cache when the conf dir is empty; other load failures stop it")
    void removeWithoutConfig() {
        cni.loadFailure = new LoadException("load failed", new NotInitializedException("no network config found in /x"));
        Outcome o = run("remove", "c1", "/run/netns/c1");
        assertThat(o.status()).isZero();
        assertThat(o.err()).isEqualTo("cni4j: note: no network config found in /x; going on with the result cache\n");
        assertThat(cni.calls).containsExactly("load", "remove c1 /run/netns/c1");

        cni.calls.clear();
        cni.loadFailure = new LoadException("load failed", new InvalidConfigException("bad file /x/a.conf"));
        assertThat(run("remove", "c1", "/run/netns/c1").status()).isEqualTo(1);
        assertThat(cni.calls).containsExactly("load");
    }

    @Test
    void interrupted() {
        cni.failure = new InterruptedException("stop");
        assertThat(run("setup", "c1", "/run/netns/c1").status()).isEqualTo(1);
        assertThat(Thread.interrupted()).as("the interrupt is restored").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frob", "setup c1", "setup c1 ns extra", "setup c1 ns --port 80",
            "setup c1 ns --bandwidth fast", "--output yaml status", "gc --valid c1", "setup c1 ns --capability x={",
            "status --timeout 0s", "netns", "netns frob", "netns create", "netns list x", "netns create a/b",
            "demo --subnet 10.0.0.0/33", "demo --bridge this-name-is-too-long", "help frob", "attachments -x"})
    @DisplayName("usage errors exit with 2, say what is wrong and where help is, and run nothing")
    void usageErrors(String line) {
        Outcome o = run(line.isEmpty() ? new String[0] : line.split(" "));
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).startsWith("cni4j: ").contains("Run 'cni4j ").contains("--help'");
        assertThat(cni.calls).isEmpty();
        assertThat(clientOptions).isEmpty();
    }

    @Test
    void usageErrorMessages() {
        assertThat(run("setup", "c1").err()).isEqualTo("cni4j: missing NETNS\nRun 'cni4j setup --help' for its usage.\n");
        assertThat(run("frob").err()).isEqualTo("cni4j: unknown command 'frob'\nRun 'cni4j --help' for the commands.\n");
        assertThat(run("gc", "--valid", "c1").err()).startsWith("cni4j: --valid 'c1': ")
                .endsWith("Run 'cni4j gc --help' for its usage.\n");
    }

    @Test
    @DisplayName("help: overall and per command, on stdout, exit 0")
    void help() {
        Outcome overall = run("--help");
        assertThat(overall.status()).isZero();
        assertThat(overall.out()).startsWith("Usage: cni4j").contains("  setup ").contains("  demo ")
                .contains("Exit status:").contains("--plugin-dir DIR");
        for (String[] args : List.of(new String[] {"setup", "--help"}, new String[] {"help", "setup"},
                new String[] {"setup", "-h", "--port", "x"})) {
            Outcome o = run(args);
            assertThat(o.status()).isZero();
            assertThat(o.out()).startsWith("Usage: cni4j setup ID NETNS [options]").contains("--port HOST:CONTAINER")
                    .contains("--dns servers=");
        }
        assertThat(run("help").out()).isEqualTo(overall.out());
        assertThat(cni.calls).isEmpty();
    }
}
