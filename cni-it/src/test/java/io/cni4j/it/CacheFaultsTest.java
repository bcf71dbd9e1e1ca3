package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.ResultCacheException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache on a file system that refuses the write: read-only, or full. The cache directory is a
 * 64 KiB tmpfs mounted by the test (the test JVM is root in its own mount namespace; chmod would not stop
 * root) and unmounted afterwards. A setup whose cache write fails throws {@link ResultCacheException},
 * rolls back the bridge's work (no veth, no reservation) and leaves no file, not even a temp file; an
 * attachment made before the fault is still removed completely by a later remove.
 */
class CacheFaultsTest {

    private static final String NETWORK = "cache-net";

    @TempDir
    Path tmp;
    private RealNetwork net;
    private RealNetwork.Lan lan;
    private Path mounted;
    private Set<String> linksBefore;

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (mounted != null) {
                HostState.run("umount", mounted.toString());
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    /** Writes {@code cache-net} (bridge with host-local) and mounts a 64 KiB tmpfs on the cache directory. */
    private void network(String executor, int slot) throws Exception {
        RealNetwork.requireRealNetworking();
        net = RealNetwork.under(tmp, executor);
        lan = net.lan(slot);
        net.dirs().writeConflist("10-cache", """
                {"cniVersion":"1.0.0","name":"%s","plugins":[%s]}""".formatted(NETWORK, net.bridge(lan)));
        HostState.run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "cni4j-cache-fault", net.cacheDir().toString());
        mounted = net.cacheDir();
        linksBefore = HostState.links();
    }

    private Cni client() throws Exception {
        Cni cni = net.client().build();
        cni.load(LoadOption.defaultConf());
        return cni;
    }

    private String setUp(Cni cni, String id, Path ns) throws Exception {
        return cni.setup(id, ns.toString()).interfaces().get("eth0").addresses().get(0).ip().getHostAddress();
    }

    /** The failed container left nothing: no eth0, no reservation; only {@code keep}'s remain. */
    private void assertRolledBack(Path failedNs, String keepIp) {
        assertThat(HostState.linkIn(failedNs, "eth0")).as("eth0 of the failed setup").isEmpty();
        assertThat(HostState.reservations(net.dataDir(), NETWORK)).containsExactly(keepIp);
        assertThat(HostState.linksAddedSince(linksBefore)).filteredOn(n -> n.startsWith("veth")).hasSize(1);
    }

    private void assertNothingLeft(Path... namespaces) {
        for (Path ns : namespaces) {
            assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.reservations(net.dataDir(), NETWORK)).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("read-only cache: setup fails with ResultCacheException naming the directory and the cause, rolls "
            + "back; remove of an older container cleans its network while read-only and its cache file once writable")
    void readOnly(String executor) throws Exception {
        network(executor, 25);
        Path keepNs = net.netns("ro-keep");
        Path failNs = net.netns("ro-fail");
        try (Cni cni = client()) {
            String keepIp = setUp(cni, "ro-keep", keepNs);
            HostState.run("mount", "-o", "remount,ro", mounted.toString());

            ResultCacheException e = catchThrowableOfType(ResultCacheException.class,
                    () -> cni.setup("ro-fail", failNs.toString()));

            assertThat(e).isNotNull();
            assertThat(e).hasMessageStartingWith("failed to set network \"" + NETWORK + "\" cached result in "
                    + net.cacheDir().resolve("results") + ": ").hasMessageContaining("Read-only file system");
            assertThat(e.getSuppressed()).isEmpty();
            assertRolledBack(failNs, keepIp);
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly(NETWORK + "-ro-keep-eth0");

            // the plugins' DEL needs no cache write: the network is cleaned, the file stays until writable
            cni.remove("ro-keep", keepNs.toString());
            assertThat(HostState.linkIn(keepNs, "eth0")).isEmpty();
            assertThat(HostState.reservations(net.dataDir(), NETWORK)).isEmpty();
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly(NETWORK + "-ro-keep-eth0");

            HostState.run("mount", "-o", "remount,rw", mounted.toString());
            cni.remove("ro-keep", keepNs.toString());
        }
        assertNothingLeft(keepNs, failNs);
    }

    @ForEachExecutor
    @DisplayName("full cache disk: setup fails with ResultCacheException (no space), rolls back, leaves neither the "
            + "file nor a temp file; remove of an older container cleans everything while the disk is full; once space "
            + "is free a setup works again")
    void diskFull(String executor) throws Exception {
        network(executor, 26);
        Path keepNs = net.netns("full-keep");
        Path failNs = net.netns("full-fail");
        try (Cni cni = client()) {
            String keepIp = setUp(cni, "full-keep", keepNs);
            Path filler = fill(mounted.resolve("filler"));

            ResultCacheException e = catchThrowableOfType(ResultCacheException.class,
                    () -> cni.setup("full-fail", failNs.toString()));

            assertThat(e).isNotNull();
            assertThat(e).hasMessageStartingWith("failed to set network \"" + NETWORK + "\" cached result in ")
                    .hasMessageContaining("No space left on device");
            assertThat(e.getSuppressed()).isEmpty();
            assertRolledBack(failNs, keepIp);
            // neither a partial file nor a temp file: only the older container's complete file
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly(NETWORK + "-full-keep-eth0");
            assertThat(cni.attachments("full-keep")).singleElement()
                    .satisfies(a -> assertThat(a.netns()).isEqualTo(keepNs.toString()));

            cni.remove("full-keep", keepNs.toString());
            assertNothingLeft(keepNs, failNs);

            Files.delete(filler);
            String ip = setUp(cni, "full-fail", failNs);
            assertThat(HostState.ipv4In(failNs, "eth0")).containsExactly(ip + "/24");
            cni.remove("full-fail", failNs.toString());
        }
        assertNothingLeft(keepNs, failNs);
    }

    /** Writes zeros into a new file until the file system is full. */
    private static Path fill(Path file) throws IOException {
        byte[] page = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(page);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        return file;
    }
}
