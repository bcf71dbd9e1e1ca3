/**
 * The cni4j public API: the {@link io.cni4j.api.Cni} facade (go-cni's {@code CNI}), its load and
 * per-call options, the value records (results, configuration views, capability payloads) and the
 * sealed {@link io.cni4j.api.CniException} hierarchy.
 */
package io.cni4j.api;
