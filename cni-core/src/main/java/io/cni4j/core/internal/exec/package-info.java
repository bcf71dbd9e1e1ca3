/**
 * Finding the executor: {@link io.cni4j.core.internal.exec.ExecutorDiscovery} loads the
 * {@link io.cni4j.api.spi.ExecutorProvider}s that {@link java.util.ServiceLoader} sees and picks one
 * by explicit name, by the {@code io.cni4j.executor} system property, or by priority.
 */
package io.cni4j.core.internal.exec;
