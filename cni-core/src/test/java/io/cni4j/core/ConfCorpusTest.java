package io.cni4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.config.NetworkLoader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world configurations of popular network providers and the spec's examples
 * ({@code src/test/resources/conf-corpus}, described in the shared test data's SOURCES.md) all load,
 * with the network name, selected version and plugin types that SOURCES.md lists for them.
 */
class ConfCorpusTest {

    /** What SOURCES.md lists per file. A {@code .conf} or {@code .json} is upgraded to a list. */
    private record Expected(String name, String cniVersion, List<String> pluginTypes) {
    }

    private static Expected expect(String name, String cniVersion, String... pluginTypes) {
        return new Expected(name, cniVersion, List.of(pluginTypes));
    }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("containerd-0-containerd-nat.conf", expect("nat", "0.2.0", "nat")),
            Map.entry("containerd-10-containerd-net.conflist", expect("containerd-net", "1.0.0", "bridge", "portmap")),
            Map.entry("crio-10-crio-bridge.conflist", expect("crio", "1.0.0", "bridge")),
            Map.entry("podman-87-podman-bridge.conflist",
                    expect("podman", "0.4.0", "bridge", "portmap", "firewall", "tuning")),
            Map.entry("nerdctl-bridge.conflist", expect("bridge", "1.0.0", "bridge", "portmap", "firewall", "tuning")),
            Map.entry("cni-10-mynet.conf", expect("mynet", "0.2.0", "bridge")),
            Map.entry("cni-spec-dbnet.conflist", expect("dbnet", "1.1.0", "bridge", "tuning", "portmap")),
            Map.entry("plugins-bandwidth.conflist", expect("mynet", "0.3.1", "ptp", "bandwidth")),
            Map.entry("plugins-basic-ptp.json", expect("basic-ptp", "0.3.0", "ptp")),
            Map.entry("plugins-dummy.conf", expect("mynet", "", "dummy")),
            Map.entry("plugins-firewall.conflist", expect("bridge-firewalld", "0.3.1", "bridge", "firewall")),
            Map.entry("plugins-host-device.conf", expect("", "0.3.1", "host-device")),
            Map.entry("plugins-ipvlan.conf", expect("mynet", "", "ipvlan")),
            Map.entry("plugins-macvlan.conf", expect("mynet", "", "macvlan")),
            Map.entry("plugins-tap.conf", expect("mynet", "0.3.1", "tap")),
            Map.entry("plugins-tuning.conf", expect("mytuning", "", "tuning")),
            Map.entry("plugins-vlan.conf", expect("mynet", "0.3.1", "vlan")),
            Map.entry("plugins-vrf.conflist", expect("macvlan-vrf", "0.3.1", "macvlan", "vrf")),
            Map.entry("flannel-10-flannel.conflist", expect("cbr0", "0.3.1", "flannel", "portmap")),
            Map.entry("canal-10-canal.conflist", expect("k8s-pod-network", "0.3.1", "calico", "portmap", "bandwidth")),
            Map.entry("weave-10-weave.conflist", expect("weave", "0.3.0", "weave-net", "portmap")),
            Map.entry("kind-10-kindnet.conflist", expect("kindnet", "0.3.1", "ptp", "portmap")),
            Map.entry("kube-router-10-kuberouter.conflist", expect("mynet", "0.3.0", "bridge")),
            Map.entry("multus-00-multus.conf", expect("multus-cni-network", "", "multus")),
            Map.entry("whereabouts-whereaboutsexample.conf", expect("whereaboutsexample", "0.3.0", "macvlan")),
            Map.entry("azure-azure-linux.conflist", expect("azure", "0.3.0", "azure-vnet", "portmap")),
            Map.entry("istio-10-calico.conflist", expect("k8s-pod-network", "0.3.0", "calico", "portmap", "istio-cni")));

    private static Path corpus() throws URISyntaxException {
        return Path.of(ConfCorpusTest.class.getResource("/conf-corpus/cni-spec-dbnet.conflist").toURI()).getParent();
    }

    static Stream<Arguments> files() {
        return EXPECTED.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void loads(String fileName) throws Exception {
        Path file = corpus().resolve(fileName);
        Expected expected = EXPECTED.get(fileName);
        NetworkConfigList list;
        if (fileName.endsWith(".conflist")) {
            list = NetworkConfigs.readConfListFile(file);
            assertThat(list.source()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } else {
            PluginConfig conf = NetworkConfigs.readConfFile(file);
            assertThat(conf.source()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            list = NetworkConfigs.confListFromConf(conf);
        }
        assertThat(list.name()).isEqualTo(expected.name());
        assertThat(list.cniVersion()).isEqualTo(expected.cniVersion());
        assertThat(list.plugins()).extracting(PluginConfig::type).containsExactlyElementsOf(expected.pluginTypes());
    }

    @Test
    @DisplayName("the table covers every file of the corpus")
    void everyFileIsListed() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @Test
    @DisplayName("capabilities declared by real files are read")
    void capabilities() throws Exception {
        PluginConfig nat = NetworkConfigs.readConfFile(corpus().resolve("containerd-0-containerd-nat.conf"));
        assertThat(nat.hasCapability("portMappings")).isTrue();
        assertThat(nat.hasCapability("dns")).isTrue();
        NetworkConfigList dbnet = NetworkConfigs.readConfListFile(corpus().resolve("cni-spec-dbnet.conflist"));
        assertThat(dbnet.plugins().get(1).hasCapability("mac")).isTrue();
        assertThat(dbnet.plugins().get(0).ipamType()).isEqualTo("host-local");
    }

    @Test
    @DisplayName("the whole corpus as a conf dir loads with allConf, in name order, eth0 to eth26")
    void loadsAsAConfDir() throws Exception {
        NetworkLoader.Outcome outcome = new NetworkLoader(corpus(), "eth", 1).load(List.of(LoadOption.allConf()));
        assertThat(outcome.failure()).isEmpty();
        List<ConfiguredNetwork> networks = outcome.networks();
        assertThat(networks).hasSize(EXPECTED.size());
        List<String> sortedFiles = EXPECTED.keySet().stream().sorted().toList();
        for (int i = 0; i < networks.size(); i++) {
            assertThat(networks.get(i).ifName()).isEqualTo("eth" + i);
            assertThat(networks.get(i).config().name()).isEqualTo(EXPECTED.get(sortedFiles.get(i)).name());
        }
    }
}
