package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.NetnsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeNetnsManagerTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("create makes a marker file in a new directory that isNetns recognises")
    void create() throws Exception {
        FakeNetnsManager manager = new FakeNetnsManager(dir.resolve("netns"));
        Path path = manager.create("ns1");
        assertThat(path).isEqualTo(dir.resolve("netns/ns1")).isRegularFile();
        assertThat(manager.isNetns(path)).isTrue();
        assertThat(new FakeNetnsManager(dir.resolve("elsewhere")).isNetns(path)).as("any fake manager knows it").isTrue();
    }

    @Test
    @DisplayName("remove deletes the file and a second remove is fine")
    void removeIsIdempotent() throws Exception {
        FakeNetnsManager manager = new FakeNetnsManager(dir);
        Path path = manager.create("ns1");
        manager.remove(path);
        assertThat(path).doesNotExist();
        manager.remove(path);
        assertThat(manager.isNetns(path)).isFalse();
    }

    @Test
    @DisplayName("a taken name fails and keeps the existing file")
    void takenName() throws Exception {
        FakeNetnsManager manager = new FakeNetnsManager(dir);
        Path path = manager.create("ns1");
        assertThatThrownBy(() -> manager.create("ns1")).isInstanceOf(NetnsException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("already exists");
        assertThat(manager.isNetns(path)).isTrue();
    }

    @Test
    @DisplayName("names with separators or dots only are refused")
    void invalidNames() {
        FakeNetnsManager manager = new FakeNetnsManager(dir);
        for (String name : new String[] {"", "a/b", ".", ".."}) {
            assertThatThrownBy(() -> manager.create(name)).as(name).isInstanceOf(NetnsException.class)
                    .hasMessageContaining("invalid fake netns name");
        }
    }

    @Test
    @DisplayName("plain files and missing paths are not namespaces")
    void plainFiles() throws Exception {
        FakeNetnsManager manager = new FakeNetnsManager(dir);
        assertThat(manager.isNetns(Files.writeString(dir.resolve("plain"), "x"))).isFalse();
        assertThat(manager.isNetns(dir.resolve("missing"))).isFalse();
        assertThat(manager.isNetns(dir)).isFalse();
    }
}
