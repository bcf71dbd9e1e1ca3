/**
 * The JNA executor's public extras: {@link io.cni4j.exec.jna.JnaExecutors}, the availability probe
 * and kill switch, and {@link io.cni4j.exec.jna.JnaNetns}, code run inside a network namespace and
 * the netns manager without the engine. The executor itself is used through the engine, which finds
 * it with {@link java.util.ServiceLoader} under the name {@code jna}.
 */
package io.cni4j.exec.jna;
