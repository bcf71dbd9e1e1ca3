package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.bandwidth;
import static io.cni4j.api.NamespaceOption.portMappings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Bandwidth;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.CniError;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Result;
import io.cni4j.api.Verb;
import io.cni4j.testkit.CniAssertions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains of Debian's plugins set up, checked and removed through the client with each real executor
 * (its plugin executor and its netns manager), each asserted against the real state: addresses read
 * back inside the namespace, links, qdiscs, iptables rules, host-local reservations and the result
 * cache.
 */
class ChainTest {

    private static final Pattern DNAT_JUMP = Pattern.compile("-A CNI-HOSTPORT-DNAT .*id: \\\\\"(\\S+)\\\\\".* --dports (\\d+) -j (CNI-DN-[0-9a-f]+)");

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

    /** bridge/host-local, optionally portmap, then firewall, tuning (MTU 1400) and bandwidth, version 1.0.0. */
    private String chain(String name, RealNetwork.Lan lan, boolean portmap) {
        return """
                {"cniVersion":"1.0.0","name":"%s","plugins":[
                  %s,
                  %s
                  {"type":"firewall"},
                  {"type":"tuning","mtu":1400,"sysctl":{"net.ipv4.conf.eth0.arp_notify":"1"}},
                  {"type":"bandwidth","capabilities":{"bandwidth":true}}
                ]}""".formatted(name, net.bridge(lan),
                portmap ? "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}," : "");
    }

    private static AssignedAddress eth0(Result result) {
        return result.interfaces().get("eth0").addresses().get(0);
    }

    /** The host-side veth named in the result. */
    private static String hostVeth(Result result) {
        return result.interfaces().keySet().stream().filter(n -> n.startsWith("veth")).findFirst().orElseThrow();
    }

    /** The CNI-DN chain that portmap made for a container and host port, from the nat table. */
    private static String dnatChain(List<String> nat, String containerId, int hostPort) {
        for (String line : nat) {
            Matcher m = DNAT_JUMP.matcher(line);
            if (m.find() && m.group(1).equals(containerId) && m.group(2).equals(String.valueOf(hostPort))) {
                return m.group(3);
            }
        }
        throw new AssertionError("no CNI-HOSTPORT-DNAT jump for " + containerId + " port " + hostPort + " in " + nat);
    }

    @ForEachExecutor
    @DisplayName("A8 A9 A13 A14 A28: loopback + bridge/host-local + portmap + firewall + tuning + bandwidth: "
            + "setup makes the real state, remove leaves nothing")
    void fullChain(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(1);
        Path conf = net.dirs().writeConflist("10-chain", chain("it-chain", lan, true));
        Path ns = net.netns("chain");
        Set<String> linksBefore = HostState.links();
        String id = "chain-1";
        String ip;
        String veth;
        String dnChain;
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());

            Result result = cni.setup(id, ns.toString(),
                    portMappings(List.of(PortMapping.tcp(18080, 80))),
                    bandwidth(new Bandwidth(1_000_000, 100_000, 2_000_000, 200_000)));

            // the merged result (A28): lo from the loopback network, eth0 from the chain's last plugin
            CniAssertions.assertThat(result).hasNetworkCount(2)
                    .hasInterface("lo").withAddress("127.0.0.1/8").and()
                    .hasInterface("eth0").withAddressIn(lan.subnet()).withGateway(lan.gateway())
                    .withSandbox(ns.toString()).and()
                    .hasRoute("0.0.0.0/0");
            ip = eth0(result).ip().getHostAddress();
            veth = hostVeth(result);

            // the address really is on eth0 inside the namespace; tuning set its MTU; loopback is up
            assertThat(HostState.ipv4In(ns, "eth0")).containsExactly(ip + "/24");
            assertThat(HostState.linkIn(ns, "eth0")).contains("mtu 1400");
            assertThat(HostState.linkIn(ns, "lo")).contains(",UP");
            assertThat(HostState.ipv4In(ns, "lo")).containsExactly("127.0.0.1/8");
            assertThat(HostState.run("nsenter", "--net=" + ns, "sysctl", "-n", "net.ipv4.conf.eth0.arp_notify").strip())
                    .isEqualTo("1");

            // the host side: the bridge and the veth, shaped by bandwidth (tbf, plus its ifb device for ingress)
            assertThat(HostState.links()).contains(lan.bridge(), veth);
            assertThat(HostState.linksAddedSince(linksBefore)).anyMatch(n -> n.startsWith("bwp"));
            assertThat(HostState.run("tc", "qdisc", "show", "dev", veth)).contains("tbf");

            // portmap (A8: the portMappings capability reached it) and prevResult chaining (A9: its DNAT
            // target is the address bridge returned)
            List<String> nat = HostState.iptables("nat");
            dnChain = dnatChain(nat, id, 18080);
            assertThat(nat).contains("-A " + dnChain + " -p tcp -m tcp --dport 18080 -j DNAT --to-destination " + ip + ":80");
            // firewall, again from prevResult
            assertThat(HostState.iptables("filter")).contains("-A CNI-FORWARD -s " + ip + "/32 -j ACCEPT");

            // host-local's reservation
            assertThat(HostState.reservations(net.dataDir(), "it-chain")).containsExactly(ip);

            // the result cache (A13): libcni's path, modes and format; both networks
            Path cache = HostState.cacheFile(net.cacheDir(), "it-chain", id, "eth0");
            assertThat(cache).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent()))).isEqualTo("rwx------");
            assertThat(Files.readString(cache)).contains("\"kind\":\"cniCacheV1\"")
                    .contains("\"config\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(conf)) + "\"")
                    .contains("\"netns\":\"" + ns + "\"");
            assertThat(HostState.cacheFile(net.cacheDir(), "cni-loopback", id, "lo")).exists();
            List<CachedAttachment> attachments = cni.attachments(id);
            assertThat(attachments).extracting(CachedAttachment::network, CachedAttachment::ifName)
                    .containsExactly(tuple("cni-loopback", "lo"),
                            tuple("it-chain", "eth0"));
            assertThat(attachments.get(1).capabilityArgsJson()).contains("\"portMappings\"").contains("18080");

            cni.remove(id, ns.toString());
        }

        // A14: DEL in reverse with the cached prevResult removed everything
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.addressesIn(ns, "eth0")).isEmpty();
        List<String> nat = HostState.iptables("nat");
        assertThat(nat).noneMatch(l -> l.contains(dnChain)).noneMatch(l -> l.contains("\"" + id + "\""))
                .noneMatch(l -> l.contains(ip));
        assertThat(HostState.iptables("filter")).noneMatch(l -> l.contains(ip + "/32"));
        assertThat(HostState.reservations(net.dataDir(), "it-chain")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A15: with portmap in the chain, Debian's portmap 1.1.1 fails CHECK on an IPv4-only container "
            + "(containernetworking/plugins#819), and that plugin error surfaces with its type, verb and code")
    void portmapCheckBug(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        net.dirs().writeConflist("10-chain", chain("it-819", net.lan(14), true));
        Path ns = net.netns("pm819");
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            cni.setup("pm819", ns.toString(), portMappings(List.of(PortMapping.tcp(18081, 80))));
            try {
                PluginErrorException e = catchThrowableOfType(PluginErrorException.class,
                        () -> cni.check("pm819", ns.toString(), portMappings(List.of(PortMapping.tcp(18081, 80)))));

                assertThat(e).isNotNull();
                assertThat(e.pluginType()).isEqualTo("portmap");
                assertThat(e.verb()).isEqualTo(Verb.CHECK);
                assertThat(e.network()).isEqualTo("it-819");
                assertThat(e.code()).isEqualTo(CniError.INTERNAL);
                assertThat(e.error().msg())
                        .matches("could not check ipv6 dnat: chain CNI-DN-[0-9a-f]+ not found in iptables table nat");
            } finally {
                cni.remove("pm819", ns.toString());
            }
        }
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A15: check passes on bridge + firewall + tuning + bandwidth (lo's 0.3.1 is skipped), and fails "
            + "from the bridge plugin once eth0 lost its address")
    void checkPasses(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        net.dirs().writeConflist("10-check", chain("it-check", net.lan(12), false));
        Path ns = net.netns("check");
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            cni.setup("check-1", ns.toString(), bandwidth(new Bandwidth(1_000_000, 100_000, 1_000_000, 100_000)));
            try {
                cni.check("check-1", ns.toString(), bandwidth(new Bandwidth(1_000_000, 100_000, 1_000_000, 100_000)));

                HostState.run("nsenter", "--net=" + ns, "ip", "addr", "flush", "dev", "eth0");
                PluginErrorException e = catchThrowableOfType(PluginErrorException.class,
                        () -> cni.check("check-1", ns.toString()));
                assertThat(e).isNotNull();
                assertThat(e.pluginType()).isEqualTo("bridge");
                assertThat(e.verb()).isEqualTo(Verb.CHECK);
                assertThat(e.network()).isEqualTo("it-check");
            } finally {
                cni.remove("check-1", ns.toString());
            }
        }
        assertThat(HostState.reservations(net.dataDir(), "it-check")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("two namespaces on one bridge reach each other: a TCP connection from A to B's address")
    void twoNamespacesTalk(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        net.dirs().writeConflist("10-pair", """
                {"cniVersion":"1.0.0","name":"it-pair","plugins":[%s]}""".formatted(net.bridge(net.lan(2))));
        Path a = net.netns("pair-a");
        Path b = net.netns("pair-b");
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            String ipA = eth0(cni.setup("pair-a", a.toString())).ip().getHostAddress();
            String ipB = eth0(cni.setup("pair-b", b.toString())).ip().getHostAddress();
            try {
                assertThat(ipA).isNotEqualTo(ipB);
                // B listens on its address and tells whom it accepted; A connects (retrying until B listens)
                Process server = new ProcessBuilder("nsenter", "--net=" + b, "perl", "-MIO::Socket::INET", "-e",
                        "alarm 20; my $s = IO::Socket::INET->new(LocalAddr => '" + ipB + "', LocalPort => 7777,"
                                + " Listen => 1, ReuseAddr => 1) or die \"listen: $!\"; print \"listening\\n\";"
                                + " STDOUT->flush; my $c = $s->accept or die \"accept: $!\";"
                                + " print $c \"hello from B\\n\"; print $c->peerhost, \"\\n\"; close $c;")
                        .redirectErrorStream(true).start();
                try (BufferedReader serverOut = new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    assertThat(serverOut.readLine()).isEqualTo("listening");
                    String reply = HostState.run("nsenter", "--net=" + a, "perl", "-MIO::Socket::INET", "-e",
                            "my $c = IO::Socket::INET->new(PeerAddr => '" + ipB + "', PeerPort => 7777, Timeout => 5)"
                                    + " or die \"connect: $!\"; print scalar <$c>;");
                    assertThat(reply).isEqualTo("hello from B\n");
                    assertThat(serverOut.readLine()).isEqualTo(ipA);
                    assertThat(server.waitFor()).isZero();
                } finally {
                    server.destroyForcibly();
                }
            } finally {
                cni.remove("pair-a", a.toString());
                cni.remove("pair-b", b.toString());
            }
        }
        assertThat(HostState.reservations(net.dataDir(), "it-pair")).isEmpty();
    }

    private String failingChain(String name, RealNetwork.Lan lan) {
        // tuning refuses the MAC address at ADD (code 999) and ignores it at DEL
        return """
                {"cniVersion":"1.0.0","name":"%s","plugins":[
                  %s,
                  {"type":"tuning","mac":"nonsense"}
                ]}""".formatted(name, net.bridge(lan));
    }

    @ForEachExecutor
    @DisplayName("A12: a chain whose second plugin fails: setup throws tuning's error with its code, and the rollback "
            + "left nothing of bridge/host-local (no veth, no reservation, no cache file)")
    void failedSetupRollsBack(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(3);
        net.dirs().writeConflist("10-fail", failingChain("it-fail", lan));
        Path ns = net.netns("fail");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());

            PluginErrorException e = catchThrowableOfType(PluginErrorException.class, () -> cni.setup("fail-1", ns.toString()));

            assertThat(e).isNotNull();
            assertThat(e.pluginType()).isEqualTo("tuning");
            assertThat(e.verb()).isEqualTo(Verb.ADD);
            assertThat(e.network()).isEqualTo("it-fail");
            assertThat(e.code()).isEqualTo(CniError.INTERNAL);
            assertThat(e.error().msg()).contains("nonsense").contains("invalid MAC address");
            assertThat(e.getSuppressed()).isEmpty();
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.linkIn(ns, "lo")).doesNotContain(",UP"); // loopback's ADD was rolled back too
        assertThat(HostState.reservations(net.dataDir(), "it-fail")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A12: with rollbackOnFailure(false) the failed setup's leftovers stay (but no cache file), and a "
            + "later remove cleans them")
    void failedSetupWithoutRollback(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(15);
        net.dirs().writeConflist("10-fail", failingChain("it-keep", lan));
        Path ns = net.netns("keep");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().rollbackOnFailure(false).build()) {
            cni.load(LoadOption.defaultConf());

            PluginErrorException e = catchThrowableOfType(PluginErrorException.class, () -> cni.setup("keep-1", ns.toString()));
            assertThat(e).isNotNull();
            assertThat(e.pluginType()).isEqualTo("tuning");

            // bridge's ADD stays: eth0 with its address, the host veth, the reservation; libcni writes no cache
            List<String> addresses = HostState.ipv4In(ns, "eth0");
            assertThat(addresses).hasSize(1);
            String ip = addresses.get(0).substring(0, addresses.get(0).indexOf('/'));
            assertThat(HostState.linksAddedSince(linksBefore)).anyMatch(n -> n.startsWith("veth"));
            assertThat(HostState.reservations(net.dataDir(), "it-keep")).containsExactly(ip);
            assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();

            cni.remove("keep-1", ns.toString());
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.reservations(net.dataDir(), "it-keep")).isEmpty();
    }

    private String orphanChain(RealNetwork.Lan lan) {
        return """
                {"cniVersion":"1.0.0","name":"it-orphan","plugins":[
                  %s,
                  {"type":"portmap","capabilities":{"portMappings":true}},
                  {"type":"firewall"}
                ]}""".formatted(net.bridge(lan));
    }

    /** Sets up a container on the orphan network and returns its address. */
    private String setUpOrphan(Path ns, String id) throws Exception {
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            String ip = eth0(cni.setup(id, ns.toString(), portMappings(List.of(PortMapping.tcp(18082, 80)))))
                    .ip().getHostAddress();
            assertThat(HostState.iptables("filter")).contains("-A CNI-FORWARD -s " + ip + "/32 -j ACCEPT");
            dnatChain(HostState.iptables("nat"), id, 18082);
            return ip;
        }
    }

    private void assertOrphanGone(Path ns, String id, String ip, String bridge, Set<String> linksBefore) {
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(bridge));
        assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        assertThat(HostState.iptables("nat")).noneMatch(l -> l.contains("\"" + id + "\"")).noneMatch(l -> l.contains(ip));
        // firewall needs the cached prevResult to know which rules to delete (A14)
        assertThat(HostState.iptables("filter")).noneMatch(l -> l.contains(ip + "/32"));
        assertThat(HostState.reservations(net.dataDir(), "it-orphan")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A14: remove after the conf file was deleted and the client reloaded: the result cache drives the DEL")
    void removeAfterConfDeleted(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(4);
        Path conf = net.dirs().writeConflist("10-orphan", orphanChain(lan));
        Path ns = net.netns("orphan");
        Set<String> linksBefore = HostState.links();
        String ip = setUpOrphan(ns, "orphan-1");
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            Files.delete(conf);
            cni.load(LoadOption.loopback());
            assertThat(cni.config().networks()).hasSize(1);

            cni.remove("orphan-1", ns.toString());
        }
        assertOrphanGone(ns, "orphan-1", ip, lan.bridge(), linksBefore);
    }

    @ForEachExecutor
    @DisplayName("A14: remove by a fresh client that never loaded a network: the result cache drives the DEL")
    void removeByFreshClient(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(16);
        Path conf = net.dirs().writeConflist("10-orphan", orphanChain(lan));
        Path ns = net.netns("fresh");
        Set<String> linksBefore = HostState.links();
        String ip = setUpOrphan(ns, "fresh-1");
        Files.delete(conf);
        try (Cni cni = net.client().build()) {
            cni.remove("fresh-1", ns.toString());
        }
        assertOrphanGone(ns, "fresh-1", ip, lan.bridge(), linksBefore);
    }

    @ForEachExecutor
    @DisplayName("A11: an invalid container id is refused with code 4 before any plugin runs; nothing to roll back")
    void invalidContainerId(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        net.dirs().writeConflist("10-orphan", orphanChain(net.lan(17)));
        Path ns = net.netns("invalid");
        Set<String> linksBefore = HostState.links();
        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());

            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> cni.setup("../escape", ns.toString()));

            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo(CniError.INVALID_ENVIRONMENT_VARIABLES);
            // refused before any plugin ran: nothing was rolled back, no rollback failure is attached
            assertThat(e.getSuppressed()).isEmpty();
        }
        assertThat(HostState.linksAddedSince(linksBefore)).isEmpty();
        assertThat(HostState.linkIn(ns, "lo")).doesNotContain(",UP");
        assertThat(HostState.reservations(net.dataDir(), "it-orphan")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }
}
