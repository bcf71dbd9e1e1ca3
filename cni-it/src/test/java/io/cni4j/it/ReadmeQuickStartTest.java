package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.label;
import static io.cni4j.api.NamespaceOption.portMappings;
import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Result;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start (cni-core's {@code ReadmeExample}, which the README shows) run for real
 * against Debian's plugins, with the real state checked between its steps, once with each real
 * executor (the snippet lets discovery choose, so the test names it in the system property
 * {@code io.cni4j.executor}). Keep the steps identical to the snippet.
 *
 * <p>The conf dir's network is bridge/host-local + firewall + tuning: no portmap, because Debian's
 * portmap 1.1.1 fails CHECK on IPv4-only containers (containernetworking/plugins#819, see
 * {@link ChainTest}), and the snippet's check must pass. The snippet's port mapping therefore reaches
 * no plugin (A8: only plugins declaring the capability get it). The snippet keeps the default cache
 * dir {@code /var/lib/cni}, which in the test JVM is a private tmpfs.
 */
class ReadmeQuickStartTest {

    @TempDir
    Path tmp;
    private RealNetwork net;

    @BeforeEach
    void requireRealNetworking() {
        RealNetwork.requireRealNetworking();
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty(ExecutorDiscovery.PROPERTY);
        if (net != null) {
            net.close();
        }
    }

    @ForEachExecutor
    @DisplayName("A8: the README quick start runs for real: load loopback + default conf, setup with a port mapping "
            + "and IgnoreUnknown=1, eth0's address, check, remove")
    void quickStart(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        // the snippet lets discovery choose; in this module test providers outrank the real executors
        System.setProperty(ExecutorDiscovery.PROPERTY, executor);
        RealNetwork.Lan lan = net.lan(7);
        Path confDir = net.dirs().confDir();
        net.dirs().writeConflist("10-readme", """
                {"cniVersion":"1.0.0","name":"readme-net","plugins":[
                  %s,
                  {"type":"firewall"},
                  {"type":"tuning","sysctl":{"net.ipv4.conf.eth0.arp_notify":"1"}}
                ]}""".formatted(net.bridge(lan)));
        Path netns = net.netns("readme");
        Path cache = HostState.cacheFile(Path.of("/var/lib/cni"), "readme-net", "c1", "eth0");

        try (Cni cni = Cni4j.newBuilder()
                .pluginDirs(List.of(Path.of("/usr/lib/cni")))
                .confDir(confDir)
                .build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());

            Result result = cni.setup("c1", netns.toString(),
                    portMappings(List.of(PortMapping.tcp(8080, 80))),
                    label("IgnoreUnknown", "1"));
            AssignedAddress eth0 = result.interfaces().get("eth0").addresses().get(0);
            System.out.println("eth0: " + eth0.address() + " via " + eth0.gateway().getHostAddress());

            // the snippet's client really runs on the executor under test
            assertThat(Cni4j.executorProvider(null).name()).isEqualTo(executor);
            assertThat(eth0.address().toString()).startsWith(lan.prefix()).endsWith("/24");
            assertThat(eth0.gateway().getHostAddress()).isEqualTo(lan.gateway());
            assertThat(HostState.ipv4In(netns, "eth0")).containsExactly(eth0.address().toString());
            assertThat(HostState.iptables("filter"))
                    .contains("-A CNI-FORWARD -s " + eth0.ip().getHostAddress() + "/32 -j ACCEPT");
            assertThat(HostState.iptables("nat")).noneMatch(l -> l.contains("id: \\\"c1\\\""));
            assertThat(Files.readString(cache)).contains("[\"IgnoreUnknown\",\"1\"]").contains("\"portMappings\"");

            cni.check("c1", netns.toString());
            cni.remove("c1", netns.toString());

            assertThat(HostState.linkIn(netns, "eth0")).isEmpty();
            assertThat(HostState.iptables("filter")).noneMatch(l -> l.contains(eth0.ip().getHostAddress() + "/32"));
            assertThat(HostState.reservations(net.dataDir(), "readme-net")).isEmpty();
            assertThat(cache).doesNotExist();
            assertThat(HostState.cacheFile(Path.of("/var/lib/cni"), "cni-loopback", "c1", "lo")).doesNotExist();
        }
    }
}
