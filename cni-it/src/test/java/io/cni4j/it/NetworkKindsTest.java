package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Cni;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Result;
import io.cni4j.testkit.CniAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other kinds of networks with Debian's plugins, with each real executor: ptp, macvlan on a dummy
 * parent, old spec versions (0.3.1 and 0.4.0) and a conf dir holding a conflist and a single
 * {@code .conf} loaded together.
 */
class NetworkKindsTest {

    @TempDir
    Path tmp;
    private RealNetwork net;

    @BeforeEach
    void requireRealNetworking() {
        RealNetwork.requireRealNetworking();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    private static AssignedAddress first(Result result, String ifName) {
        return result.interfaces().get(ifName).addresses().get(0);
    }

    @ForEachExecutor
    @DisplayName("ptp: eth0 gets an address from the range, the host veth the gateway; check passes; remove leaves nothing")
    void ptp(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(9);
        net.dirs().writeConflist("10-ptp", """
                {"cniVersion":"1.0.0","name":"it-ptp","plugins":[{"type":"ptp","ipam":%s}]}"""
                .formatted(net.hostLocal(lan)));
        Path ns = net.netns("ptp");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.defaultConf());

            Result result = cni.setup("ptp-1", ns.toString());

            CniAssertions.assertThat(result).hasInterface("eth0").withAddressIn(lan.subnet())
                    .withGateway(lan.gateway()).withSandbox(ns.toString());
            String ip = first(result, "eth0").ip().getHostAddress();
            assertThat(HostState.ipv4In(ns, "eth0")).singleElement().asString().startsWith(ip + "/");
            String veth = result.interfaces().keySet().stream().filter(n -> n.startsWith("veth")).findFirst().orElseThrow();
            assertThat(HostState.linksAddedSince(linksBefore)).containsExactly(veth);
            assertThat(HostState.run("ip", "-o", "addr", "show", "dev", veth))
                    .contains("inet " + lan.gateway() + "/32");
            assertThat(HostState.reservations(net.dataDir(), "it-ptp")).containsExactly(ip);

            cni.check("ptp-1", ns.toString());
            cni.remove("ptp-1", ns.toString());
        }
        assertThat(HostState.linksAddedSince(linksBefore)).isEmpty();
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.reservations(net.dataDir(), "it-ptp")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("macvlan on a dummy parent, from a single 0.4.0 .conf: eth0 is a macvlan with its address; "
            + "check runs (0.4.0 can CHECK); remove leaves nothing")
    void macvlanVersion040(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(11);
        // the parent: a dummy device named like the slot's bridge; kernels built without the dummy driver
        // get one end of a veth pair instead, which macvlan uses the same way (an Ethernet device nothing
        // else uses)
        String parent = lan.bridge();
        if (HostState.exec("ip", "link", "add", parent, "type", "dummy").exitStatus() != 0) {
            HostState.run("ip", "link", "add", parent, "type", "veth", "peer", "name", parent + "p");
        }
        try {
            HostState.run("ip", "link", "set", parent, "up");
            net.dirs().writeConf("10-macvlan", """
                    {"cniVersion":"0.4.0","name":"it-macvlan","type":"macvlan","master":"%s",
                     "mode":"bridge","ipam":%s}""".formatted(parent, net.hostLocal(lan)));
            Path ns = net.netns("macvlan");
            try (Cni cni = net.client().build()) {
                cni.load(LoadOption.defaultConf());
                assertThat(cni.config().networks()).extracting(n -> n.config().cniVersion()).containsExactly("0.4.0");

                Result result = cni.setup("macvlan-1", ns.toString());

                CniAssertions.assertThat(result).hasInterface("eth0").withAddressIn(lan.subnet());
                String ip = first(result, "eth0").ip().getHostAddress();
                assertThat(HostState.ipv4In(ns, "eth0")).containsExactly(ip + "/24");
                assertThat(HostState.linkIn(ns, "eth0")).contains("macvlan mode bridge");
                assertThat(Files.readString(HostState.cacheFile(net.cacheDir(), "it-macvlan", "macvlan-1", "eth0")))
                        .contains("\"cniVersion\":\"0.4.0\"");

                cni.check("macvlan-1", ns.toString());
                cni.remove("macvlan-1", ns.toString());
            }
            assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
            assertThat(HostState.reservations(net.dataDir(), "it-macvlan")).isEmpty();
            assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
        } finally {
            HostState.run("ip", "link", "del", parent);
        }
    }

    @ForEachExecutor
    @DisplayName("A14 A15: a 0.3.1 conflist: setup works and caches a 0.3.1 result; check skips it unless strict "
            + "(then CHECK is refused); DEL without prevResult still removes everything")
    void version031(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(13);
        net.dirs().writeConflist("10-old", """
                {"cniVersion":"0.3.1","name":"it-v031","plugins":[%s]}""".formatted(net.bridge(lan)));
        Path ns = net.netns("v031");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().build(); Cni strict = net.client().strictCheck(true).build()) {
            cni.load(LoadOption.defaultConf());
            strict.load(LoadOption.defaultConf());

            Result result = cni.setup("old-1", ns.toString());

            CniAssertions.assertThat(result).hasInterface("eth0").withAddressIn(lan.subnet())
                    .withGateway(lan.gateway());
            String ip = first(result, "eth0").ip().getHostAddress();
            assertThat(HostState.ipv4In(ns, "eth0")).containsExactly(ip + "/24");
            assertThat(Files.readString(HostState.cacheFile(net.cacheDir(), "it-v031", "old-1", "eth0")))
                    .contains("\"cniVersion\":\"0.3.1\"");

            cni.check("old-1", ns.toString());
            InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                    () -> strict.check("old-1", ns.toString()));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("configuration version \"0.3.1\" does not support the CHECK command")
                    .contains("it-v031");

            cni.remove("old-1", ns.toString());
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.reservations(net.dataDir(), "it-v031")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A4 A5: a conflist and a single .conf in one dir with maxConfNum 2 become eth0 and eth1 (the third "
            + "file is never parsed); both are really configured and removed")
    void conflistAndConfWithMaxConfNum2(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan first = net.lan(8);
        RealNetwork.Lan second = net.lan(10);
        net.dirs().writeConflist("10-bridge", """
                {"cniVersion":"1.0.0","name":"it-first","plugins":[%s]}""".formatted(net.bridge(first)));
        net.dirs().writeConf("20-ptp", """
                {"cniVersion":"0.4.0","name":"it-second","type":"ptp","ipam":%s}""".formatted(net.hostLocal(second)));
        net.dirs().writeConf("30-broken", "{ this is not JSON");
        Path ns = net.netns("two");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().maxConfNum(2).build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            assertThat(cni.config().networks()).extracting(n -> n.config().name(), ConfiguredNetwork::ifName)
                    .containsExactly(tuple("cni-loopback", "lo"),
                            tuple("it-first", "eth0"),
                            tuple("it-second", "eth1"));

            Result result = cni.setup("two-1", ns.toString());

            CniAssertions.assertThat(result).hasNetworkCount(3)
                    .hasInterface("eth0").withAddressIn(first.subnet()).and()
                    .hasInterface("eth1").withAddressIn(second.subnet());
            assertThat(HostState.ipv4In(ns, "eth0")).containsExactly(first(result, "eth0").ip().getHostAddress() + "/24");
            assertThat(HostState.ipv4In(ns, "eth1")).singleElement().asString()
                    .startsWith(first(result, "eth1").ip().getHostAddress() + "/");
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly(
                    "cni-loopback-two-1-lo", "it-first-two-1-eth0", "it-second-two-1-eth1");

            cni.remove("two-1", ns.toString());
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(first.bridge()));
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.linkIn(ns, "eth1")).isEmpty();
        assertThat(HostState.reservations(net.dataDir(), "it-first")).isEmpty();
        assertThat(HostState.reservations(net.dataDir(), "it-second")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }
}
