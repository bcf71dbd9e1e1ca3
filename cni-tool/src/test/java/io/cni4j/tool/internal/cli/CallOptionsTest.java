package io.cni4j.tool.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.JsonText;
import io.cni4j.api.Namespace;
import io.cni4j.api.NamespaceOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallOptionsTest {

    private final ArgParser parser = new ArgParser(List.of(new CommandSpec("setup", "s",
            List.of(CommandSpec.required("ID"), CommandSpec.required("NETNS")), CallOptions.SPECS, "")),
            GlobalOptions.SPECS);

    private Namespace namespace(Optional<Duration> timeout, String... options) throws UsageException {
        String[] args = new String[options.length + 3];
        args[0] = "setup";
        args[1] = "c1";
        args[2] = "/run/netns/c1";
        System.arraycopy(options, 0, args, 3, options.length);
        List<NamespaceOption> converted = CallOptions.from(parser.parse(args), timeout);
        return Namespace.of("c1", "/run/netns/c1", converted.toArray(NamespaceOption[]::new));
    }

    @Test
    @DisplayName("every per-call option becomes the capability, label or arg that go-cni's NamespaceOpts give")
    void everyOption() throws UsageException {
        Namespace ns = namespace(Optional.of(Duration.ofSeconds(5)),
                "--port", "8080:80", "--port", "5353:53/udp@127.0.0.1",
                "--ip-range", "10.1.0.0/16", "--ip-range", "10.2.0.0/16,10.2.0.10,10.2.0.20,10.2.0.1",
                "--bandwidth", "in=1m,out=2m,out-burst=4k",
                "--dns", "servers=10.0.0.53,searches=example.com", "--dns", "options=ndots:2",
                "--cgroup-path", "/kubepods/pod1",
                "--capability", "mac=\"0a:58:0a:f4:00:05\"",
                "--label", "app=web", "--arg", "K8S_POD_NAME=web-1", "--arg", "IgnoreUnknown=1");
        assertThat(ns.capabilities()).containsOnlyKeys("portMappings", "ipRanges", "bandwidth", "dns", "cgroupPath", "mac");
        assertThat(ns.capabilities().get("portMappings")).isEqualTo(List.of(
                Map.of("hostPort", 8080, "containerPort", 80, "protocol", "tcp"),
                Map.of("hostPort", 5353, "containerPort", 53, "protocol", "udp", "hostIP", "127.0.0.1")));
        assertThat(ns.capabilities().get("ipRanges")).isEqualTo(List.of(
                List.of(Map.of("subnet", "10.1.0.0/16")),
                List.of(Map.of("subnet", "10.2.0.0/16", "rangeStart", "10.2.0.10", "rangeEnd", "10.2.0.20",
                        "gateway", "10.2.0.1"))));
        assertThat(ns.capabilities().get("bandwidth")).isEqualTo(Map.of("ingressRate", 1_000_000L,
                "ingressBurst", 1_000_000L, "egressRate", 2_000_000L, "egressBurst", 4_000L));
        assertThat(ns.capabilities().get("dns")).isEqualTo(Map.of("servers", List.of("10.0.0.53"),
                "searches", List.of("example.com"), "options", List.of("ndots:2")));
        assertThat(ns.capabilities().get("cgroupPath")).isEqualTo("/kubepods/pod1");
        assertThat(ns.capabilities().get("mac")).isEqualTo(new JsonText("\"0a:58:0a:f4:00:05\""));
        assertThat(ns.args()).containsExactly(Map.entry("app", "web"), Map.entry("K8S_POD_NAME", "web-1"),
                Map.entry("IgnoreUnknown", "1"));
        assertThat(ns.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("no options: no capabilities, no args, no per-call timeout")
    void none() throws UsageException {
        Namespace ns = namespace(Optional.empty());
        assertThat(ns.capabilities()).isEmpty();
        assertThat(ns.args()).isEmpty();
        assertThat(ns.timeout()).isNull();
    }

    @Test
    @DisplayName("a --capability of a name a dedicated option also sets wins")
    void capabilityWins() throws UsageException {
        Namespace ns = namespace(Optional.empty(), "--capability", "portMappings=[]", "--port", "1:1");
        assertThat(ns.capabilities().get("portMappings")).isEqualTo(new JsonText("[]"));
    }

    @Test
    void emptyCgroupPath() {
        assertThatThrownBy(() -> namespace(Optional.empty(), "--cgroup-path", ""))
                .isInstanceOf(UsageException.class).hasMessage("--cgroup-path needs a path");
    }

    @Test
    @DisplayName("single-valued per-call options may not repeat")
    void singleValued() {
        assertThatThrownBy(() -> namespace(Optional.empty(), "--bandwidth", "in=1m", "--bandwidth", "in=2m"))
                .hasMessage("--bandwidth may be given only once");
    }
}
