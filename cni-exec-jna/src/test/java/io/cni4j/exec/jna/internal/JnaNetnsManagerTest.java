package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.NetnsException;
import io.cni4j.testkit.RootTestGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JnaNetnsManagerTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("create pins a new namespace that differs from the JVM's, remove deletes it, a second remove is fine")
    void createAndRemove() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir.resolve("netns"));
        long before = NetnsInodes.threadNetnsInode();
        Path path = manager.create("blue");
        try {
            assertThat(path).isEqualTo(dir.resolve("netns").resolve("blue"));
            assertThat(manager.isNetns(path)).isTrue();
            assertThat(NetnsInodes.inode(path)).as("inode of the pinned namespace").isNotEqualTo(before);
            assertThat(MountInfo.at(path)).extracting(MountInfo.Mount::fsType).containsExactly("nsfs");
            assertThat(NetnsInodes.threadNetnsInode()).as("the calling thread's namespace is unchanged").isEqualTo(before);
        } finally {
            manager.remove(path);
        }
        assertThat(path).doesNotExist();
        assertThat(manager.isNetns(path)).isFalse();
        manager.remove(path);
        assertThat(path).doesNotExist();
    }

    @Test
    @DisplayName("two namespaces created in a row are distinct")
    void distinctNamespaces() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        Path a = manager.create("a");
        try {
            Path b = manager.create("b");
            try {
                assertThat(NetnsInodes.inode(a)).isNotEqualTo(NetnsInodes.inode(b));
            } finally {
                manager.remove(b);
            }
        } finally {
            manager.remove(a);
        }
    }

    @Test
    @DisplayName("remove unmounts every mount stacked on the file")
    void removeStackedMounts() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        Path path = manager.create("stacked");
        NetnsWorkers.shared().call(home -> { // a second namespace mounted over the first
            Namespaces.pinNew(path, home, () -> true);
            return null;
        });
        assertThat(MountInfo.at(path)).hasSize(2);
        manager.remove(path);
        assertThat(path).doesNotExist();
        assertThat(MountInfo.read()).noneMatch(m -> m.mountPoint().equals(path.toString()));
    }

    @Test
    @DisplayName("creates and removes from many threads at once: distinct namespaces, all removed, callers unchanged")
    void concurrentCreateAndRemove() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        int threads = 6;
        int each = 5;
        Set<Long> inodes = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    long own = NetnsInodes.threadNetnsInode();
                    List<Path> paths = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Path path = manager.create("c-" + thread + "-" + i);
                        paths.add(path);
                        inodes.add(NetnsInodes.inode(path));
                    }
                    for (Path path : paths) {
                        manager.remove(path);
                    }
                    return NetnsInodes.threadNetnsInode() == own;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).as("the caller's namespace is unchanged").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inodes).as("one distinct namespace per create").hasSize(threads * each);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThat(MountInfo.read()).noneMatch(m -> m.mountPoint().startsWith(dir.toString()));
    }

    @Test
    @DisplayName("a failure after the mount leaves neither the file nor the mount behind")
    void failureAfterMountCleansUp() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir, (target, home, fileCreated) -> {
            Namespaces.pinNew(target, home, fileCreated);
            throw ErrnoException.of("simulated", target, Linux.EPERM);
        });
        Path target = dir.resolve("broken");
        assertThatThrownBy(() -> manager.create("broken"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining(target.toString())
                .hasCauseInstanceOf(ErrnoException.class);
        assertThat(target).doesNotExist();
        assertThat(MountInfo.read()).noneMatch(m -> m.mountPoint().equals(target.toString()));
    }

    @Test
    @DisplayName("a failure before the mount leaves no file behind; the pin ran on a worker, not the caller")
    void failureBeforeMountCleansUp() throws Exception {
        AtomicReference<Thread> pinThread = new AtomicReference<>();
        JnaNetnsManager manager = new JnaNetnsManager(dir, (target, home, fileCreated) -> {
            pinThread.set(Thread.currentThread());
            throw ErrnoException.of("unshare(CLONE_NEWNET)", null, Linux.EPERM);
        });
        assertThatThrownBy(() -> manager.create("never"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("never")
                .hasMessageContaining("Operation not permitted");
        assertThat(dir.resolve("never")).doesNotExist();
        assertThat(pinThread.get()).isNotSameAs(Thread.currentThread());
        assertThat(pinThread.get().getName()).startsWith("cni4j-netns-worker-");
        assertThat(pinThread.get().isDaemon()).isTrue();
    }

    @Test
    @DisplayName("create of a taken name fails, names the file and leaves the existing file alone; the pin is told")
    void takenName() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken"), "keep me");
        AtomicReference<Boolean> told = new AtomicReference<>();
        JnaNetnsManager manager = new JnaNetnsManager(dir, (target, home, fileCreated) -> {
            told.set(fileCreated.getAsBoolean());
        });
        assertThatThrownBy(() -> manager.create("taken"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining(existing.toString())
                .hasMessageContaining("already exists");
        assertThat(existing).hasContent("keep me");
        assertThat(told.get()).as("the pin was told that the file is not ours").isFalse();
    }

    @Test
    @DisplayName("create of a taken name with the real pin mounts nothing over the existing file")
    void takenNameRealPin() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        Path existing = Files.writeString(dir.resolve("taken"), "keep me");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        assertThatThrownBy(() -> manager.create("taken"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("already exists");
        assertThat(MountInfo.read()).noneMatch(m -> m.mountPoint().equals(existing.toString()));
        assertThat(existing).hasContent("keep me");
        assertThat(manager.isNetns(existing)).isFalse();
    }

    @Test
    @DisplayName("names with a slash, NUL, '.', '..' or nothing are refused before anything is touched")
    void invalidNames() {
        JnaNetnsManager manager = new JnaNetnsManager(dir.resolve("untouched"), (target, home, fileCreated) -> {
            throw new AssertionError("must not be called");
        });
        for (String name : List.of("", ".", "..", "a/b", "../escape", "nul\0byte")) {
            assertThatThrownBy(() -> manager.create(name)).as("name \"%s\"", name)
                    .isInstanceOf(NetnsException.class)
                    .hasMessageContaining("invalid network namespace name");
        }
        assertThat(dir.resolve("untouched")).doesNotExist();
    }

    @Test
    @DisplayName("a missing directory is created; a non-default one is not turned into a mount point")
    void createsDirectory() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        Path nested = dir.resolve("a/b/netns");
        JnaNetnsManager manager = new JnaNetnsManager(nested);
        Path path = manager.create("x");
        try {
            assertThat(nested).isDirectory();
            assertThat(MountInfo.at(nested)).as("mounts at a caller's own directory").isEmpty();
        } finally {
            manager.remove(path);
        }
    }

    @Test
    @DisplayName("a directory deleted after the first create is created again by the next one")
    void directoryRecreated() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        Path netns = dir.resolve("netns");
        JnaNetnsManager manager = new JnaNetnsManager(netns);
        manager.remove(manager.create("first"));
        Files.delete(netns);
        Path second = manager.create("second");
        try {
            assertThat(manager.isNetns(second)).isTrue();
        } finally {
            manager.remove(second);
        }
    }

    @Test
    @DisplayName("remove of a missing path (also one under a plain file) is not an error; remove of a plain file deletes it")
    void removeMissingAndPlain() throws Exception {
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        manager.remove(dir.resolve("missing"));
        manager.remove(dir.resolve("missing-dir/missing"));
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        manager.remove(plain.resolve("under-a-file"));
        assertThat(plain).hasContent("x");
        manager.remove(plain);
        assertThat(plain).doesNotExist();
    }

    @Test
    @DisplayName("remove of a symlink deletes the link and unmounts nothing through it")
    void removeSymlink() throws Exception {
        RootTestGate.requireRoot("netns manager test");
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        Path real = manager.create("real");
        try {
            Path link = Files.createSymbolicLink(dir.resolve("link"), real);
            manager.remove(link);
            assertThat(link).doesNotExist();
            assertThat(manager.isNetns(real)).as("the namespace behind the link is still mounted").isTrue();
        } finally {
            manager.remove(real);
        }
    }

    @Test
    @DisplayName("isNetns: nsfs files and /proc/<pid>/ns/net are namespaces; plain files, directories, other /proc files are not")
    void recognition() throws IOException {
        JnaNetnsManager manager = new JnaNetnsManager(dir);
        assertThat(manager.isNetns(Path.of("/proc/self/ns/net"))).isTrue();
        assertThat(manager.isNetns(Path.of("/proc/thread-self/ns/net"))).isTrue();
        assertThat(manager.isNetns(Path.of("/proc/" + ProcessHandle.current().pid() + "/ns/net"))).isTrue();
        assertThat(manager.isNetns(Path.of("/proc/self/status"))).as("a procfs file").isFalse();
        assertThat(manager.isNetns(Files.writeString(dir.resolve("plain"), "x"))).isFalse();
        assertThat(manager.isNetns(dir)).isFalse();
        assertThat(manager.isNetns(dir.resolve("missing"))).isFalse();
    }
}
