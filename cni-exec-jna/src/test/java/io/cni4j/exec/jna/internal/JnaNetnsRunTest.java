package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.NetnsException;
import io.cni4j.exec.jna.JnaNetns;
import io.cni4j.testkit.NetnsExtension;
import io.cni4j.testkit.RootTestGate;
import io.cni4j.testkit.TestNetns;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link JnaNetns#run}, in namespaces made by this module's manager through the testkit's extension. */
class JnaNetnsRunTest {

    @RegisterExtension
    static final NetnsExtension NETNS = NetnsExtension.withProvider(new JnaExecutorProvider());

    @Test
    @DisplayName("the task runs inside the namespace: its thread's namespace is the file's, and only lo is there")
    void runsInside(TestNetns netns) throws Exception {
        long outside = NetnsInodes.threadNetnsInode();
        long inside = JnaNetns.run(netns.path(), NetnsInodes::threadNetnsInode);
        assertThat(inside).isEqualTo(NetnsInodes.inode(netns.path())).isNotEqualTo(outside);
        List<String> interfaces = JnaNetns.run(netns.path(), () -> Files.readAllLines(Path.of("/proc/thread-self/net/dev"))
                .stream().skip(2).map(line -> line.substring(0, line.indexOf(':')).trim()).toList());
        assertThat(interfaces).containsExactly("lo");
        assertThat(NetnsInodes.threadNetnsInode()).as("the caller's namespace is unchanged").isEqualTo(outside);
    }

    @Test
    @DisplayName("sockets made by the task live in the namespace: with its lo down, 127.0.0.1 is unreachable")
    void socketsBelongToTheNamespace(TestNetns netns) throws Exception {
        Throwable connect = JnaNetns.run(netns.path(), () -> {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                 Socket client = new Socket()) {
                client.connect(server.getLocalSocketAddress(), 10_000);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        assertThat(connect).isInstanceOf(IOException.class).hasMessageContaining("unreachable");
    }

    @Test
    @DisplayName("the task runs on a fresh platform thread that has ended when run returns")
    void freshThread(TestNetns netns) throws Exception {
        Thread caller = Thread.currentThread();
        Thread worker = JnaNetns.run(netns.path(), Thread::currentThread);
        assertThat(worker).isNotSameAs(caller);
        assertThat(worker.getName()).startsWith("cni4j-netns-run-");
        worker.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(worker.isAlive()).isFalse();
        Thread second = JnaNetns.run(netns.path(), Thread::currentThread);
        assertThat(second).isNotSameAs(worker);
    }

    @Test
    @DisplayName("what the task throws comes back as the cause of an ExecutionException")
    void taskFailure(TestNetns netns) {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> JnaNetns.run(netns.path(), () -> {
            throw boom;
        })).isInstanceOf(ExecutionException.class).hasCause(boom);
    }

    @Test
    @DisplayName("a path that is not a namespace fails with NetnsException naming it, and the task does not run")
    void notANamespace(@TempDir Path dir) throws Exception {
        RootTestGate.requireRoot("netns run test");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> JnaNetns.run(plain, () -> ran.getAndSet(true)))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining(plain.toString())
                .hasMessageContaining("setns");
        assertThatThrownBy(() -> JnaNetns.run(dir.resolve("missing"), () -> ran.getAndSet(true)))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("No such file");
        assertThat(ran).isFalse();
    }

    @Test
    @DisplayName("the JVM's own namespace can be entered through /proc/self/ns/net")
    void ownNamespace() throws Exception {
        RootTestGate.requireRoot("netns run test");
        long own = NetnsInodes.inode(Path.of("/proc/self/ns/net"));
        assertThat(JnaNetns.run(Path.of("/proc/self/ns/net"), NetnsInodes::threadNetnsInode)).isEqualTo(own);
    }

    @Test
    @DisplayName("interrupting the caller stops the wait and interrupts the task, which still leaves the namespace")
    void interrupt(TestNetns netns) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch taskInterrupted = new CountDownLatch(1);
        AtomicReference<Throwable> callerSaw = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                JnaNetns.run(netns.path(), () -> {
                    started.countDown();
                    try {
                        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                    } catch (InterruptedException e) {
                        taskInterrupted.countDown();
                    }
                    return null;
                });
            } catch (Throwable t) {
                callerSaw.set(t);
            }
        });
        caller.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(callerSaw.get()).isInstanceOf(InterruptedException.class);
        assertThat(taskInterrupted.await(30, TimeUnit.SECONDS)).as("the task saw the interrupt").isTrue();
    }
}
