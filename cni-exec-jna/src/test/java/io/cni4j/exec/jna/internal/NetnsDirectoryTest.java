package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.NetnsManager;
import io.cni4j.testkit.RootTestGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsDirectoryTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("ip netns set-up: a directory that is not a mount point is bound onto itself and made shared, once")
    void sharesLikeIpNetns() throws Exception {
        RootTestGate.requireRoot("netns directory test");
        Path netns = dir.resolve("netns");
        try {
            NetnsDirectory.prepare(netns, true);
            assertThat(netns).isDirectory();
            List<MountInfo.Mount> mounts = MountInfo.at(netns);
            assertThat(mounts).hasSize(1);
            assertThat(mounts.get(0).isShared()).as("propagation of %s", mounts).isTrue();
            NetnsDirectory.prepare(netns, true);
            assertThat(MountInfo.at(netns)).as("a second prepare stacks nothing").isEqualTo(mounts);
        } finally {
            LibC.umount2(netns.toString(), Linux.MNT_DETACH);
        }
        assertThat(MountInfo.at(netns)).isEmpty();
    }

    @Test
    @DisplayName("a directory that is already a mount point is left exactly as it is")
    void leavesMountPointsAlone() throws Exception {
        RootTestGate.requireRoot("netns directory test");
        Path netns = Files.createDirectory(dir.resolve("mounted"));
        assertThat(LibC.mount(netns.toString(), netns.toString(), "none", Linux.MS_BIND, null)).isZero();
        try {
            List<MountInfo.Mount> before = MountInfo.at(netns);
            assertThat(before).hasSize(1);
            assertThat(before.get(0).isShared()).isFalse();
            NetnsDirectory.prepare(netns, true);
            assertThat(MountInfo.at(netns)).isEqualTo(before);
        } finally {
            LibC.umount2(netns.toString(), Linux.MNT_DETACH);
        }
    }

    @Test
    @DisplayName("other directories are only created, never mounted")
    void createsOnly() throws Exception {
        Path netns = dir.resolve("a/b");
        NetnsDirectory.prepare(netns);
        assertThat(netns).isDirectory();
        assertThat(MountInfo.at(netns)).isEmpty();
    }

    @Test
    @DisplayName("/run/netns and /var/run/netns (when /var/run links to /run) are the default directory")
    void defaultDirectory() throws Exception {
        assertThat(NetnsDirectory.isDefault(NetnsManager.DEFAULT_DIRECTORY)).isTrue();
        assertThat(NetnsDirectory.isDefault(Path.of("/run/../run/netns"))).isTrue();
        assertThat(NetnsDirectory.isDefault(dir.resolve("netns"))).isFalse();
        assertThat(NetnsDirectory.isDefault(Path.of("/run/netns2"))).isFalse();
        Path varRun = Path.of("/var/run");
        if (Files.isSymbolicLink(varRun) && varRun.toRealPath().equals(Path.of("/run").toRealPath())) {
            assertThat(NetnsDirectory.isDefault(Path.of("/var/run/netns"))).isTrue();
        }
    }

    @Test
    @DisplayName("in the test JVM's private namespace, /run/netns (a tmpfs mount point) is used as it is")
    void defaultDirectoryInTestNamespace() throws Exception {
        RootTestGate.requireRoot("netns directory test");
        Path run = NetnsManager.DEFAULT_DIRECTORY;
        List<MountInfo.Mount> before = Files.isDirectory(run) ? MountInfo.at(run) : List.of();
        Assumptions.assumeTrue(before.size() == 1 && before.get(0).source().equals("cni4j-netns"),
                "only inside build-support/netns-java's private namespace, never on the host's /run/netns");
        JnaNetnsManager manager = new JnaNetnsManager(run);
        Path path = manager.create("default-dir-test");
        try {
            assertThat(manager.isNetns(path)).isTrue();
            assertThat(MountInfo.at(run)).as("mounts at /run/netns").isEqualTo(before);
        } finally {
            manager.remove(path);
        }
        assertThat(path).doesNotExist();
    }
}
