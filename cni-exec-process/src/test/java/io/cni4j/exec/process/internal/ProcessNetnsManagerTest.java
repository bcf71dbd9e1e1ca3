package io.cni4j.exec.process.internal;

import static io.cni4j.exec.process.internal.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.testkit.RootTestGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessNetnsManagerTest {

    @TempDir
    Path dir;

    private final ProcessPluginExecutor executor = new ProcessPluginExecutor();

    private ProcessNetnsManager manager() {
        return new ProcessNetnsManager(dir.resolve("netns"), executor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/abs", "nul\0byte"})
    @DisplayName("names that are not plain file names are refused before anything is touched")
    void invalidNames(String name) {
        assertThatThrownBy(() -> manager().create(name))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("invalid network namespace name");
        assertThat(dir.resolve("netns")).doesNotExist();
    }

    @Test
    @DisplayName("a null name is refused too")
    void nullName() {
        assertThatThrownBy(() -> manager().create(null)).isInstanceOf(NetnsException.class);
    }

    @Test
    @DisplayName("isNetns: /proc net links yes; other namespace links, files, dirs and missing paths no")
    void isNetnsWithoutRoot() throws Exception {
        ProcessNetnsManager m = manager();
        Path plain = Files.writeString(dir.resolve("plain"), "x");

        assertThat(m.isNetns(Path.of("/proc/self/ns/net"))).isTrue();
        assertThat(m.isNetns(Path.of("/proc/" + ProcessHandle.current().pid() + "/ns/net"))).isTrue();
        assertThat(m.isNetns(Path.of("/proc/thread-self/ns/net"))).isTrue();
        assertThat(m.isNetns(Path.of("/proc/self/ns/uts"))).isFalse();
        assertThat(m.isNetns(plain)).isFalse();
        assertThat(m.isNetns(dir)).isFalse();
        assertThat(m.isNetns(dir.resolve("missing"))).isFalse();
    }

    @Test
    @DisplayName("a missing unshare tool is a clear error, and no file is left behind")
    void missingUnshare() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-tools"));
        ProcessNetnsManager m = new ProcessNetnsManager(dir.resolve("netns"), executor, List.of(empty), () -> true);

        assertThatThrownBy(() -> m.create("ns1"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("'unshare'")
                .hasMessageContaining("not found")
                .hasMessageContaining(dir.resolve("netns/ns1").toString());
        assertThat(dir.resolve("netns/ns1")).doesNotExist();
    }

    @Test
    @DisplayName("without CAP_SYS_ADMIN create says it needs root, and no file is left behind")
    void notPrivileged() {
        ProcessNetnsManager m = new ProcessNetnsManager(dir.resolve("netns"), executor,
                ProcessNetnsManager.defaultToolDirs(), () -> false);

        assertThatThrownBy(() -> m.create("ns1"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("needs root (CAP_SYS_ADMIN)");
        assertThat(dir.resolve("netns/ns1")).doesNotExist();
    }

    @Test
    @DisplayName("a failing unshare is reported with its output, and the file it was given is removed")
    void failingUnshare() throws Exception {
        Path tools = Files.createDirectory(dir.resolve("tools"));
        script(tools, "unshare", "echo \"unshare: $1: boom\" >&2\nexit 1");
        ProcessNetnsManager m = new ProcessNetnsManager(dir.resolve("netns"), executor, List.of(tools), () -> true);

        assertThatThrownBy(() -> m.create("ns1"))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("exit status 1")
                .hasMessageContaining("--net=" + dir.resolve("netns/ns1") + ": boom");
        assertThat(dir.resolve("netns/ns1")).doesNotExist();
    }

    @Test
    @DisplayName("removing a missing path is fine; an unmounted file is just deleted, without tools")
    void removeWithoutMount() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-tools"));
        ProcessNetnsManager m = new ProcessNetnsManager(dir, executor, List.of(empty), () -> false);
        Path plain = Files.writeString(dir.resolve("stale"), "");

        m.remove(dir.resolve("missing"));
        m.remove(plain);

        assertThat(plain).doesNotExist();
    }

    @Test
    @DisplayName("mountinfo lines are parsed, octal escapes included")
    void mountinfoParsing() {
        Optional<ProcessNetnsManager.Mount> m = ProcessNetnsManager.Mount.parse(
                "42 27 0:4 net:[4026532177] /run/netns/with\\040space rw shared:5 - nsfs nsfs rw");
        assertThat(m).contains(new ProcessNetnsManager.Mount("net:[4026532177]", "/run/netns/with space", "nsfs"));
        assertThat(ProcessNetnsManager.Mount.parse("garbage")).isEmpty();
    }

    /** These need root: they really create and remove namespaces, in the test's own temp dir. */
    @Nested
    class AsRoot {

        private ProcessNetnsManager m;

        @BeforeEach
        void setUp() {
            m = manager();
        }

        @AfterEach
        void unmountLeftovers() throws Exception {
            Path netnsDir = dir.resolve("netns");
            if (m != null && Files.isDirectory(netnsDir)) {
                try (var files = Files.list(netnsDir)) {
                    for (Path f : files.toList()) {
                        m.remove(f);
                    }
                }
            }
        }

        @Test
        @DisplayName("create pins a new network namespace that isNetns recognises; remove undoes it")
        void createAndRemove() throws Exception {
            RootTestGate.requireRoot("netns manager test");

            Path ns = m.create("ns1");

            assertThat(ns).isEqualTo(dir.resolve("netns/ns1"));
            assertThat(m.isNetns(ns)).isTrue();
            assertThat(ProcessNetnsManager.mounts().orElseThrow())
                    .anySatisfy(mount -> {
                        assertThat(mount.mountPoint()).isEqualTo(ns.toRealPath().toString());
                        assertThat(mount.fsType()).isEqualTo("nsfs");
                    });
            String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            assertThat(own).isNotEqualTo("net:[" + Files.getAttribute(ns, "unix:ino") + "]");

            m.remove(ns);

            assertThat(ns).doesNotExist();
            assertThat(m.isNetns(ns)).isFalse();
            m.remove(ns);
        }

        @Test
        @DisplayName("creating a name that exists fails and leaves the existing namespace alone")
        void createTwice() throws Exception {
            RootTestGate.requireRoot("netns manager test");
            Path ns = m.create("taken");

            assertThatThrownBy(() -> m.create("taken"))
                    .isInstanceOf(NetnsException.class)
                    .hasMessageContaining("already exists")
                    .hasMessageContaining(ns.toString());
            assertThat(m.isNetns(ns)).isTrue();
        }

        @Test
        @DisplayName("the default directory /run/netns works (the test JVM's private tmpfs, nothing leaks)")
        void defaultDirectory() throws Exception {
            RootTestGate.requireRoot("netns manager test");
            RootTestGate.requirePrivateNetworkNamespace("netns manager test on /run/netns");
            NetnsManager manager = new ProcessExecutorProvider().netnsManager(NetnsManager.DEFAULT_DIRECTORY);
            String name = "cni4j-test-" + ProcessHandle.current().pid();

            Path ns = manager.create(name);
            try {
                assertThat(ns).isEqualTo(Path.of("/run/netns", name));
                assertThat(manager.isNetns(ns)).isTrue();
            } finally {
                manager.remove(ns);
            }
            assertThat(ns).doesNotExist();
        }

        @Test
        @DisplayName("a plain file in the netns directory is not a namespace")
        void plainFileIsNotNetns() throws Exception {
            RootTestGate.requireRoot("netns manager test");
            Path ns = m.create("real");
            Path plain = Files.writeString(dir.resolve("netns/plain"), "");

            assertThat(m.isNetns(ns)).isTrue();
            assertThat(m.isNetns(plain)).isFalse();
        }
    }
}
