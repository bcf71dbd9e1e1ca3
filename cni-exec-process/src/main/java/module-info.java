/**
 * The process executor: runs CNI plugins with {@link java.lang.ProcessBuilder} and manages network
 * namespaces with the {@code unshare} and {@code umount} tools of util-linux.
 *
 * <p>It provides {@link io.cni4j.api.spi.ExecutorProvider} under the name {@code process} with
 * priority 10, so any available provider with a higher priority (the JNA one has 20) is preferred
 * unless the client names {@code process} explicitly or the system property
 * {@code io.cni4j.executor=process} is set. Nothing is exported: the engine finds the provider with
 * {@link java.util.ServiceLoader} (through {@code provides} on the module path and
 * {@code META-INF/services} on the class path).
 */
module io.cni4j.exec.process {
    requires io.cni4j.api;

    provides io.cni4j.api.spi.ExecutorProvider with io.cni4j.exec.process.internal.ProcessExecutorProvider;
}
