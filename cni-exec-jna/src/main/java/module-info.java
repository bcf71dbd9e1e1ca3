/**
 * The JNA executor: CNI plugins started with {@code posix_spawn(3)} and network namespaces created,
 * entered and removed with syscalls, through JNA's direct mapping of libc. Linux only, 64-bit.
 *
 * <p>Its provider, named {@code jna} with priority 20, is above the process executor, so adding this
 * module is enough to use it; {@link io.cni4j.exec.jna.JnaExecutors} tells whether it works here and
 * has the kill switch. {@link io.cni4j.exec.jna.JnaNetns} runs code inside a network namespace.
 *
 * <p>{@code com.sun.jna} is the plain {@code net.java.dev.jna:jna} jar, an automatic module (named
 * by its manifest). Nothing is opened to it: the module passes only primitives, strings and JNA
 * {@code Memory} to native code and declares no {@code Structure} subclasses.
 */
module io.cni4j.exec.jna {
    requires transitive io.cni4j.api;
    requires com.sun.jna;

    exports io.cni4j.exec.jna;

    provides io.cni4j.api.spi.ExecutorProvider with io.cni4j.exec.jna.internal.JnaExecutorProvider;
}
