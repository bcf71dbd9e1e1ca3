package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    @Test
    @DisplayName("parses mount point, propagation tags, type and source, and unescapes octal escapes")
    void parses() {
        List<MountInfo.Mount> mounts = MountInfo.parse(List.of(
                "22 1 0:21 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,mode=755",
                "412 22 0:4 net:[4026532281] /run/netns/blue rw shared:5 master:1 - nsfs nsfs rw",
                "413 22 0:55 / /tmp/with\\040space\\134x rw - tmpfs my\\040tmpfs rw",
                "414 22 0:56 / /private rw - ext4 /dev/sda1 rw",
                "garbage line"));
        assertThat(mounts).extracting(MountInfo.Mount::mountPoint)
                .containsExactly("/run", "/run/netns/blue", "/tmp/with space\\x", "/private");
        assertThat(mounts.get(1).optionalFields()).containsExactly("shared:5", "master:1");
        assertThat(mounts.get(1).fsType()).isEqualTo("nsfs");
        assertThat(mounts.get(2).source()).isEqualTo("my tmpfs");
        assertThat(mounts).extracting(MountInfo.Mount::isShared).containsExactly(true, true, false, false);
    }

    @Test
    @DisplayName("unescape keeps text without escapes and a backslash that starts no escape")
    void unescape() {
        assertThat(MountInfo.unescape("/plain")).isEqualTo("/plain");
        assertThat(MountInfo.unescape("/a\\011b\\012c")).isEqualTo("/a\tb\nc");
        assertThat(MountInfo.unescape("/end\\04")).isEqualTo("/end\\04");
        assertThat(MountInfo.unescape("/é\\040x")).isEqualTo("/é x");
    }

    @Test
    @DisplayName("the root directory of this process is a mount point, a fresh directory is not")
    void realMounts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(MountInfo.at(Path.of("/"))).isNotEmpty();
        assertThat(MountInfo.at(dir)).isEmpty();
    }
}
