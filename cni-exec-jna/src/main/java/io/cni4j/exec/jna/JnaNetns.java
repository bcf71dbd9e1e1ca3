package io.cni4j.exec.jna;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.exec.jna.internal.NetnsCalls;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Network namespaces from Java without helper processes: run code inside one, and get the netns
 * manager of this module directly.
 *
 * <p>{@link #run(Path, Callable)} is for what the CNI plugins do not do for you, such as reading the
 * addresses a plugin gave an interface, or opening a socket in a container's namespace:
 *
 * <pre>{@code
 * List<String> names = JnaNetns.run(netns, () ->
 *         Files.readAllLines(Path.of("/proc/thread-self/net/dev")).stream().skip(2)
 *                 .map(line -> line.substring(0, line.indexOf(':')).trim()).toList());
 * }</pre>
 *
 * <p>A network namespace belongs to an OS thread, not to a process, so the task runs on a new
 * platform thread that enters the namespace, runs the task, goes back and ends; no pooled or virtual
 * thread is ever moved into a namespace. Rules for the task:
 * <ul>
 *   <li>threads it starts, and pool threads that its submissions happen to create (an executor, the
 *       common pool, an HTTP client), are created inside the namespace and stay there: do not start
 *       or submit work unless you mean it to live in the namespace;</li>
 *   <li>sockets it opens stay in the namespace after it returns, which is often what you want;</li>
 *   <li>JVM-wide caches such as {@code InetAddress}'s are shared by all namespaces;</li>
 *   <li>processes it starts, including CNI plugins run by a cni4j client, inherit the namespace;</li>
 *   <li>{@code /proc/self/net/...} (and {@code /proc/net}) show the JVM's main thread's namespace: read
 *       {@code /proc/thread-self/net/...}. For the same reason {@link java.net.NetworkInterface} is
 *       unreliable in there: on Linux the JDK reads IPv6 addresses from {@code /proc/net/if_inet6}, so
 *       it mixes the main thread's IPv6 addresses into the namespace's interfaces.</li>
 * </ul>
 * Needs {@code CAP_SYS_ADMIN} to enter a namespace; reading {@code /proc/<pid>/ns/net} of another
 * process also needs the right to ptrace it.
 */
public final class JnaNetns {

    private JnaNetns() {
    }

    /**
     * Runs {@code task} inside the network namespace {@code netns} on a fresh platform thread and
     * returns its result. The thread is discarded afterwards.
     *
     * @param netns a namespace file (e.g. {@code /run/netns/blue}) or {@code /proc/<pid>/ns/net}
     * @param task what to run
     * @param <T> the result type
     * @return what the task returned
     * @throws NetnsException if the namespace cannot be opened or entered; the task did not run
     * @throws ExecutionException with whatever the task threw as its cause
     * @throws InterruptedException if the calling thread is interrupted while waiting; the task's
     *     thread is interrupted too and still leaves the namespace before it ends
     * @throws UnsatisfiedLinkError if the module is not available ({@link JnaExecutors})
     */
    public static <T> T run(Path netns, Callable<T> task)
            throws NetnsException, ExecutionException, InterruptedException {
        return NetnsCalls.run(netns, task);
    }

    /**
     * The netns manager of this module for {@code directory}, the same one its executor provider
     * gives the engine: create, remove and recognise namespace files without the engine.
     *
     * @param directory the directory of namespace files, e.g. {@link NetnsManager#DEFAULT_DIRECTORY}
     * @return the manager, thread-safe
     * @throws UnsatisfiedLinkError if the module is not available ({@link JnaExecutors})
     */
    public static NetnsManager manager(Path directory) {
        return NetnsCalls.manager(directory);
    }
}
