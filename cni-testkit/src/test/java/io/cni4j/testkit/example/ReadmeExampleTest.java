package io.cni4j.testkit.example;

import static io.cni4j.testkit.CniAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.testkit.CniDirsExtension;
import io.cni4j.testkit.CniTestDirs;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example of the README's "Testing your code with cni4j" section, compiled and run by the build. */
@ExtendWith(CniDirsExtension.class)
class ReadmeExampleTest {

    @Test
    void bridgeHandsOutAnAddressAndSeesThePortMappings(CniTestDirs dirs) throws Exception {
        // Plugins are Java objects, registered by type; no root, no binaries.
        FakeBridgePlugin bridge = FakePlugins.bridge("10.22.0.0/16");
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("bridge", bridge)
                .register("portmap", FakePlugins.passThrough());
        FakeExecutorProvider provider = new FakeExecutorProvider(executor); // pass to the client builder
        dirs.installPlaceholders(executor); // so that a plugin lookup in dirs.pluginDir() finds them

        // Drive the executor as the engine does: one plugin, a config on stdin, CNI_* in the environment.
        String conf = """
                {"cniVersion":"1.0.0","name":"mynet","type":"bridge",
                 "runtimeConfig":{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}]}}""";
        ExecResult result = provider.executor().run(new ExecRequest(
                dirs.pluginDir().resolve("bridge"), conf.getBytes(StandardCharsets.UTF_8),
                List.of("CNI_COMMAND=ADD", "CNI_CONTAINERID=c1", "CNI_NETNS=/run/netns/c1", "CNI_IFNAME=eth0",
                        "CNI_PATH=" + dirs.pluginDir()),
                Duration.ofSeconds(10), 1 << 20));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutText()).contains("\"address\":\"10.22.0.2/16\"");
        assertThat(bridge.addressOf("c1", "eth0")).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("10.22.0.2/16"));
        assertThat(executor.recorder())
                .invoked("bridge", Verb.ADD)
                .withEnv("CNI_IFNAME", "eth0")
                .withCapability("portMappings", "[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]")
                .withoutPrevResult();
        assertThat(executor.recorder()).notInvoked("portmap", Verb.ADD);
    }
}
