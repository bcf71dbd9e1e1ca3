package io.cni4j.testkit;

import static io.cni4j.testkit.FakePluginExecutorTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.testkit.internal.json.JsonTrees;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakePluginsTest {

    private static final String CONF = "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"x\"}";
    private static final String CHAINED = "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"x\","
            + "\"prevResult\":{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.2/24\"}]}}";

    @Test
    @DisplayName("loopback reports lo in the netns with 127.0.0.1/8 and ::1/128")
    void loopback() throws Exception {
        ExecResult result = new FakePluginExecutor().register("loopback", FakePlugins.loopback())
                .run(request("loopback", "ADD", CONF));
        assertThat(result.stdoutText()).isEqualTo("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"lo\","
                + "\"sandbox\":\"/run/netns/c1\"}],\"ips\":[{\"interface\":0,\"address\":\"127.0.0.1/8\"},"
                + "{\"interface\":0,\"address\":\"::1/128\"}]}");
    }

    @Test
    @DisplayName("pass-through returns the prevResult on ADD, or an empty result without one")
    void passThrough() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.passThrough());
        assertThat(executor.run(request("x", "ADD", CHAINED)).stdoutText())
                .isEqualTo("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.2/24\"}]}");
        assertThat(executor.run(request("x", "ADD", CONF)).stdoutText()).isEqualTo("{\"cniVersion\":\"1.0.0\"}");
        assertThat(executor.run(request("x", "DEL", CONF)).stdout()).isEmpty();
    }

    @Test
    @DisplayName("failing prints the error object on its verb with exit 1 and passes other verbs through")
    void failing() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("x", FakePlugins.failing(Verb.DEL, 11, "try later", "locked"));
        ExecResult del = executor.run(request("x", "DEL", CONF));
        assertThat(del.exitCode()).isEqualTo(1);
        assertThat(del.stdoutText())
                .isEqualTo("{\"cniVersion\":\"1.0.0\",\"code\":11,\"msg\":\"try later\",\"details\":\"locked\"}");
        assertThat(executor.run(request("x", "ADD", CHAINED)).exitCode()).isZero();
        assertThat(executor.run(request("x", "VERSION", CONF)).exitCode()).isZero();
    }

    @Test
    @DisplayName("failing on VERSION fails VERSION")
    void failingVersion() throws Exception {
        ExecResult result = new FakePluginExecutor().register("x", FakePlugins.failing(Verb.VERSION, 1, "old", ""))
                .run(request("x", "VERSION", "{\"cniVersion\":\"1.1.0\"}"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(JsonTrees.parse(result.stdoutText()).path("msg").asText()).isEqualTo("old");
    }

    @Test
    @DisplayName("slow sleeps up to the deadline, then fails with CniTimeoutException")
    void slowTimesOut() {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.slow(Duration.ofHours(1)));
        assertThatThrownBy(() -> executor.run(request("x", "ADD", CONF, Duration.ofMillis(50), 1000)))
                .isInstanceOf(CniTimeoutException.class)
                .hasMessageContaining("\"x\"").hasMessageContaining("(add)");
        assertThat(executor.recorder().invocations().get(0).failure()).isInstanceOf(CniTimeoutException.class);
    }

    @Test
    @DisplayName("slow answers like its delegate when the sleep fits the deadline")
    void slowAnswers() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("x", FakePlugins.slow(Duration.ofMillis(1), FakePlugins.loopback()));
        assertThat(executor.run(request("x", "ADD", CONF)).stdoutText()).contains("127.0.0.1/8");
    }

    @Test
    @DisplayName("slow ends with InterruptedException when the caller is interrupted")
    void slowInterrupted() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.slow(Duration.ofHours(1)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                executor.run(request("x", "ADD", CONF));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        while (caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
        caller.interrupt();
        caller.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    @DisplayName("garbage prints its text with exit 0 on every verb, VERSION included")
    void garbage() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.garbage("{oops"));
        assertThat(executor.run(request("x", "ADD", CONF)).stdoutText()).isEqualTo("{oops");
        assertThat(executor.run(request("x", "VERSION", CONF)).stdoutText()).isEqualTo("{oops");
        assertThat(executor.run(request("x", "ADD", CONF)).exitCode()).isZero();
    }

    @Test
    @DisplayName("withVersions reports the given versions on VERSION")
    void withVersions() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("x", FakePlugins.withVersions(FakePlugins.passThrough(), "0.3.1", "0.4.0"));
        assertThat(executor.run(request("x", "VERSION", CONF)).stdoutText())
                .isEqualTo("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.3.1\",\"0.4.0\"]}");
    }

    @Test
    @DisplayName("busy fails to start with TEXT_FILE_BUSY for its first runs, VERSION included, then answers")
    void busyThenAnswers() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.busy(2, FakePlugins.loopback()));

        assertThatThrownBy(() -> executor.run(request("x", "ADD", CONF)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TEXT_FILE_BUSY))
                .hasMessageContaining("/opt/cni/bin/x").hasMessageContaining("text file busy");
        assertThatThrownBy(() -> executor.run(request("x", "VERSION", CONF)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TEXT_FILE_BUSY));
        assertThat(executor.run(request("x", "ADD", CONF)).stdoutText()).contains("127.0.0.1/8");
        assertThat(executor.run(request("x", "VERSION", CONF)).stdoutText()).contains("supportedVersions");

        assertThat(executor.recorder().invocations()).extracting(RecordedInvocation::failure)
                .satisfiesExactly(
                        f -> assertThat(f).isInstanceOf(PluginExecutionException.class),
                        f -> assertThat(f).isInstanceOf(PluginExecutionException.class),
                        f -> assertThat(f).isNull(),
                        f -> assertThat(f).isNull());
    }

    @Test
    @DisplayName("busy with Integer.MAX_VALUE is busy on every run, each with its own exception")
    void alwaysBusy() {
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("x", FakePlugins.busy(Integer.MAX_VALUE, FakePlugins.passThrough()));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> executor.run(request("x", "DEL", CONF)))
                    .isInstanceOf(PluginExecutionException.class);
        }
        List<Throwable> failures = executor.recorder().invocations().stream().map(RecordedInvocation::failure).toList();
        assertThat(failures).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("busy zero times answers at once; a negative count is refused")
    void busyCounts() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.busy(0, FakePlugins.passThrough()));
        assertThat(executor.run(request("x", "DEL", CONF)).exitCode()).isZero();
        assertThatThrownBy(() -> FakePlugins.busy(-1, FakePlugins.passThrough()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("replying answers every verb, VERSION included, with its reply whatever stdin holds")
    void replying() throws Exception {
        PluginReply reply = PluginReply.raw(3, "{\"code\":7}", "oops");
        FakePluginExecutor executor = new FakePluginExecutor().register("x", FakePlugins.replying(reply));
        for (String command : List.of("ADD", "DEL", "STATUS", "VERSION")) {
            ExecResult result = executor.run(request("x", command, "not json"));
            assertThat(result.exitCode()).as(command).isEqualTo(3);
            assertThat(result.stdoutText()).as(command).isEqualTo("{\"code\":7}");
            assertThat(result.stderrText()).as(command).isEqualTo("oops");
        }
    }
}
