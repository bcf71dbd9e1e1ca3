package io.cni4j.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Cni;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkNotFoundException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.json.Json;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.PluginReply;
import io.cni4j.testkit.RecordedInvocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network validation (§2.11), the JFR event per invocation, and GC's exclusivity. */
class CniClientEngineTest {

    @TempDir
    Path dir;

    FakePluginExecutor plugins;
    Path pluginDir;
    Path confDir;

    @BeforeEach
    void setUp() throws Exception {
        plugins = new FakePluginExecutor()
                .register("bridge", FakePlugins.bridge("10.22.0.0/16"))
                .register("old", FakePlugins.withVersions(FakePlugins.passThrough(), "0.3.1"))
                .register("portmap", FakePlugins.passThrough());
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        plugins.installPlaceholders(pluginDir);
    }

    Cni client() {
        return Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(dir.resolve("cache")).maxConfNum(0).build();
    }

    void conflist(String file, String json) throws Exception {
        Files.writeString(confDir.resolve(file), json);
    }

    @Test
    @DisplayName("validate (§2.11): capabilities of a network whose plugins support its version")
    void validateGood() throws Exception {
        conflist("10-net.conflist", "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"bridge\"},"
                + "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true,\"off\":false}}]}");
        try (Cni cni = client()) {
            cni.load(LoadOption.defaultConf());
            assertThat(cni.validate("net")).containsExactly("portMappings");
        }
        assertThat(plugins.recorder().invocations(Verb.VERSION)).hasSize(2);
    }

    @Test
    @DisplayName("validate (§2.11): unsupported version and missing plugin are reported, unknown network too")
    void validateBad() throws Exception {
        conflist("10-net.conflist", "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"old\"},"
                + "{\"type\":\"nope\"}]}");
        try (Cni cni = client()) {
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.validate("net")).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                assertThat(e).hasMessageStartingWith("plugin old does not support config version \"1.0.0\"");
                assertThat(e.getSuppressed()).singleElement().isInstanceOf(PluginExecutionException.class)
                        .satisfies(s -> assertThat(s).hasMessageContaining("failed to find plugin \"nope\""));
            });
            assertThatThrownBy(() -> cni.validate("other")).isInstanceOf(NetworkNotFoundException.class)
                    .hasMessageContaining("[net]");
        }
    }

    @Test
    @DisplayName("every plugin run is a JFR event with plugin, verb, network, container, outcome and code")
    void jfrEvents() throws Exception {
        conflist("10-net.conflist", "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"bridge\"},"
                + "{\"type\":\"broken\"}]}");
        plugins.register("broken", FakePlugins.failing(Verb.ADD, 11, "try later", ""));
        plugins.installPlaceholders(pluginDir);
        Path file = dir.resolve("events.jfr");
        try (Recording recording = new Recording(); Cni cni = client()) {
            recording.enable("io.cni4j.PluginInvocation").withThreshold(java.time.Duration.ZERO);
            recording.start();
            cni.load(LoadOption.defaultConf());
            assertThatThrownBy(() -> cni.setup("c1", "/run/netns/c1")).isInstanceOf(Exception.class);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();
        assertThat(events).extracting(e -> e.getString("pluginType") + " " + e.getString("verb") + " "
                        + e.getString("outcome") + " " + e.getLong("errorCode"))
                .containsExactly("bridge ADD ok -1", "broken ADD plugin error 11 11",
                        "broken DEL ok -1", "bridge DEL ok -1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getString("network")).isEqualTo("net");
            assertThat(e.getString("containerId")).isEqualTo("c1");
            assertThat(e.getDuration()).isPositive();
        });
    }

    @Test
    @DisplayName("gc waits for a running setup and runs no plugin until it is done (spec §3: GC is exclusive)")
    void gcIsExclusive() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        plugins.register("held", call -> {
            if (call.verb() == Verb.ADD) {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return PluginReply.ok(call.prevResult() == null ? Json.object() : call.prevResult());
        });
        plugins.installPlaceholders(pluginDir);
        conflist("10-net.conflist", "{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"bridge\"},"
                + "{\"type\":\"held\"}]}");
        try (Cni cni = client()) {
            cni.load(LoadOption.defaultConf());
            CompletableFuture<?> setup = cni.setupAsync("c1", "/run/netns/c1");
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> gc = cni.gcAsync(List.of(new GcAttachment("c1", "eth0")));
            Thread.sleep(200);
            assertThat(gc).isNotDone();
            assertThat(plugins.recorder().invocations(Verb.GC)).isEmpty();
            release.countDown();
            setup.get(30, TimeUnit.SECONDS);
            gc.get(30, TimeUnit.SECONDS);
        }
        RecordedInvocation add = plugins.recorder().invocations("held", Verb.ADD).get(0);
        assertThat(plugins.recorder().invocations(Verb.GC)).isNotEmpty()
                .allSatisfy(g -> assertThat(g.start()).isAfterOrEqualTo(add.end()));
        assertThat(plugins.recorder().invocations(Verb.DEL)).isEmpty();
    }
}
