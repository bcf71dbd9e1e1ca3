package io.cni4j.testkit;

import static io.cni4j.testkit.CniAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Result;
import io.cni4j.api.Route;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CniAssertionsTest {

    private static final Route DEFAULT = Route.of(IpPrefix.parse("0.0.0.0/0"), IpAddresses.parse("10.22.0.1"));

    static Result result() {
        Map<String, InterfaceConfig> interfaces = new LinkedHashMap<>();
        interfaces.put("eth0", new InterfaceConfig(List.of(
                new AssignedAddress(IpPrefix.parse("10.22.0.5/16"), IpAddresses.parse("10.22.0.1")),
                new AssignedAddress(IpPrefix.parse("fd00::5/64"), null)), "0a:58:0a:16:00:05", "/run/netns/c1", "", ""));
        interfaces.put("lo", new InterfaceConfig(List.of(new AssignedAddress(IpPrefix.parse("127.0.0.1/8"), null)),
                "", "/run/netns/c1", "", ""));
        return new Result(interfaces, List.of(new Dns(List.of("10.22.0.1"), "", List.of("svc.test"), List.of())),
                List.of(DEFAULT), List.of());
    }

    @Nested
    @DisplayName("Result")
    class ResultAssertions {

        @Test
        @DisplayName("passes for what the result has")
        void passes() {
            assertThat(result()).hasInterface("eth0").withAddressIn("10.22.0.0/16").withAddress("10.22.0.5/16")
                    .withGateway("10.22.0.1").withMac("0A:58:0a:16:00:05").withSandbox("/run/netns/c1").withAddressCount(2)
                    .and().hasInterface("lo").withAddressIn("127.0.0.0/8")
                    .and().hasInterfaceNames("eth0", "lo").doesNotHaveInterface("eth1")
                    .hasRoute("0.0.0.0/0").hasRoute("0.0.0.0/0", "10.22.0.1")
                    .hasNameserver("10.22.0.1").hasSearchDomain("svc.test").hasNetworkCount(0);
        }

        @Test
        @DisplayName("a missing interface names the ones there are")
        void missingInterface() {
            assertThatThrownBy(() -> assertThat(result()).hasInterface("eth1")).isInstanceOf(AssertionError.class)
                    .hasMessage("Expecting result to have interface \"eth1\" but its interfaces are [eth0, lo]");
        }

        @Test
        @DisplayName("an address outside the subnet lists the addresses")
        void addressNotInSubnet() {
            assertThatThrownBy(() -> assertThat(result()).hasInterface("eth0").withAddressIn("10.23.0.0/16"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expecting interface \"eth0\" to have an address in 10.23.0.0/16 but its addresses are "
                            + "[10.22.0.5/16, fd00::5/64]");
        }

        @Test
        @DisplayName("a wrong gateway lists the gateways")
        void wrongGateway() {
            assertThatThrownBy(() -> assertThat(result()).hasInterface("eth0").withGateway("10.22.0.254"))
                    .hasMessage("Expecting interface \"eth0\" to have gateway 10.22.0.254 but its gateways are [10.22.0.1, none]");
        }

        @Test
        @DisplayName("a missing route lists the routes")
        void missingRoute() {
            assertThatThrownBy(() -> assertThat(result()).hasRoute("0.0.0.0/0", "10.22.0.2"))
                    .hasMessage("Expecting result to have a route to 0.0.0.0/0 via 10.22.0.2 but its routes are "
                            + "[0.0.0.0/0 via 10.22.0.1]");
        }

        @Test
        @DisplayName("a missing name server lists the DNS entries")
        void missingNameserver() {
            assertThatThrownBy(() -> assertThat(result()).hasNameserver("8.8.8.8"))
                    .hasMessage("Expecting result to have name server 8.8.8.8 but its DNS entries are [[10.22.0.1]]");
        }

        @Test
        @DisplayName("interface order is checked exactly")
        void interfaceOrder() {
            assertThatThrownBy(() -> assertThat(result()).hasInterfaceNames("lo", "eth0"))
                    .hasMessage("Expecting result to have exactly the interfaces [lo, eth0] in this order but they are [eth0, lo]");
        }
    }

    @Nested
    @DisplayName("CniResult")
    class CniResultAssertions {

        private final CniResult result = new CniResult("1.0.0",
                List.of(Interface.of("cni0", "", ""), Interface.of("eth0", "", "/run/netns/c1")),
                List.of(new IpConfig(1, IpPrefix.parse("10.22.0.5/16"), IpAddresses.parse("10.22.0.1"))),
                List.of(DEFAULT), new Dns(List.of("10.22.0.1"), "", null, null));

        @Test
        @DisplayName("passes for what the result has")
        void passes() {
            assertThat(result).hasCniVersion("1.0.0").hasInterface("eth0").hasInterfaceNames("cni0", "eth0")
                    .hasAddress("10.22.0.5/16").hasAddressIn("10.0.0.0/8").hasGateway("10.22.0.1")
                    .hasRoute("0.0.0.0/0", "10.22.0.1").hasNameserver("10.22.0.1");
        }

        @Test
        @DisplayName("failures say what was expected and what there is")
        void failures() {
            assertThatThrownBy(() -> assertThat(result).hasCniVersion("0.4.0"))
                    .hasMessage("Expecting result to have cniVersion \"0.4.0\" but it has \"1.0.0\"");
            assertThatThrownBy(() -> assertThat(result).hasAddress("10.22.0.5/24"))
                    .hasMessage("Expecting result to have address 10.22.0.5/24 but its addresses are [10.22.0.5/16]");
            assertThatThrownBy(() -> assertThat(result).hasNoAddresses())
                    .hasMessage("Expecting result to have no addresses but it has [10.22.0.5/16]");
            assertThatThrownBy(() -> assertThat(result).hasInterface("lo"))
                    .hasMessage("Expecting result to have interface \"lo\" but its interfaces are [cni0, eth0]");
        }
    }

    @Nested
    @DisplayName("recorder and invocations")
    class RecorderAssertions {

        private final FakePluginExecutor executor = new FakePluginExecutor()
                .register("bridge", FakePlugins.bridge())
                .register("portmap", FakePlugins.passThrough());

        private void run(String type, Verb verb, String conf) throws Exception {
            executor.run(new ExecRequest(Path.of("/opt/cni/bin", type), conf.getBytes(StandardCharsets.UTF_8),
                    List.of("CNI_COMMAND=" + verb, "CNI_CONTAINERID=c1", "CNI_NETNS=/run/netns/c1", "CNI_IFNAME=eth0"),
                    Duration.ofSeconds(10), 1 << 20));
        }

        private void chain() throws Exception {
            run("bridge", Verb.ADD, "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"bridge\"}");
            run("portmap", Verb.ADD, "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"portmap\","
                    + "\"runtimeConfig\":{\"portMappings\":[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]},"
                    + "\"prevResult\":{\"cniVersion\":\"1.0.0\"}}");
            run("portmap", Verb.DEL, "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"portmap\"}");
            run("bridge", Verb.DEL, "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"bridge\"}");
        }

        @Test
        @DisplayName("passes for what was invoked")
        void passes() throws Exception {
            chain();
            assertThat(executor.recorder())
                    .invokedInOrder(Verb.ADD, "bridge", "portmap")
                    .invokedInOrder(Verb.DEL, "portmap", "bridge")
                    .invokedTimes("bridge", Verb.ADD, 1)
                    .notInvoked("bridge", Verb.CHECK);
            assertThat(executor.recorder()).invoked("portmap", Verb.ADD)
                    .withCapability("portMappings")
                    .withCapability("portMappings", "[{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]")
                    .withoutCapability("bandwidth")
                    .withEnv("CNI_IFNAME", "eth0").withoutEnv("HOME")
                    .withConfigAt("/name", "\"net\"").withPrevResult();
            assertThat(executor.recorder()).invoked("bridge", Verb.ADD).withoutPrevResult();
        }

        @Test
        @DisplayName("a missing invocation lists the recorded ones")
        void missingInvocation() throws Exception {
            chain();
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("firewall", Verb.ADD))
                    .hasMessage("Expecting firewall ADD to have been invoked but the recorded invocations are "
                            + "[bridge ADD (container c1, eth0), portmap ADD (container c1, eth0), "
                            + "portmap DEL (container c1, eth0), bridge DEL (container c1, eth0)]");
        }

        @Test
        @DisplayName("a missing capability shows the runtimeConfig")
        void missingCapability() throws Exception {
            chain();
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("bridge", Verb.ADD).withCapability("portMappings"))
                    .hasMessage("Expecting bridge ADD (container c1, eth0) to carry capability \"portMappings\" in "
                            + "runtimeConfig but runtimeConfig is <missing>");
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("portmap", Verb.ADD)
                    .withCapability("portMappings", "[]"))
                    .hasMessage("Expecting portmap ADD (container c1, eth0) to carry capability \"portMappings\" = [] but "
                            + "it is [{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"tcp\"}]");
        }

        @Test
        @DisplayName("a wrong order shows the actual order")
        void wrongOrder() throws Exception {
            chain();
            assertThatThrownBy(() -> assertThat(executor.recorder()).invokedInOrder(Verb.DEL, "bridge", "portmap"))
                    .hasMessage("Expecting the DEL invocations to be, in order, [bridge, portmap] but they were [portmap, bridge]");
        }

        @Test
        @DisplayName("wrong counts, env values and config values are reported with what there is")
        void otherFailures() throws Exception {
            chain();
            assertThatThrownBy(() -> assertThat(executor.recorder()).invokedTimes("bridge", Verb.ADD, 2))
                    .hasMessageStartingWith("Expecting bridge ADD to have been invoked 2 times but it was invoked 1 times");
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("bridge", Verb.ADD).withEnv("CNI_IFNAME", "eth1"))
                    .hasMessage("Expecting bridge ADD (container c1, eth0) to have CNI_IFNAME=eth1 in its environment but it has CNI_IFNAME=eth0");
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("bridge", Verb.ADD).withEnv("CNI_PATH", "/x"))
                    .hasMessageEndingWith("but it has CNI_PATH unset");
            assertThatThrownBy(() -> assertThat(executor.recorder()).invoked("bridge", Verb.ADD).withConfigAt("/name", "\"other\""))
                    .hasMessageStartingWith("Expecting bridge ADD (container c1, eth0) to have \"other\" at /name in its config but it has \"net\"");
            assertThatThrownBy(() -> assertThat(executor.recorder()).hasNoInvocations())
                    .hasMessageStartingWith("Expecting no plugin invocations but there were 4");
            assertThatThrownBy(() -> assertThat(executor.recorder()).notInvoked("bridge", Verb.DEL))
                    .hasMessageStartingWith("Expecting bridge DEL not to have been invoked but it was, 1 times");
        }
    }
}
