/**
 * The executor SPI: what a module implements to run CNI plugins and manage network namespaces for
 * cni4j.
 *
 * <p>An {@link io.cni4j.api.spi.ExecutorProvider} is found with {@link java.util.ServiceLoader}
 * (declare it with {@code provides} in {@code module-info.java} and in
 * {@code META-INF/services/io.cni4j.api.spi.ExecutorProvider} for class-path users). The contract is
 * deliberately small: run one executable with stdin bytes and an environment under a deadline, and
 * report exit status, stdout and stderr. Plugin lookup, the mapping of plugin output to errors, the
 * "text file busy" retry and VERSION decoding are done once by the engine for every executor.
 */
package io.cni4j.api.spi;
