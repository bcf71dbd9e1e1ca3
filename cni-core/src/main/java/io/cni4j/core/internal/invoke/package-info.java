/**
 * Plugin invocation, done once here for every executor: plugin lookup (libcni's FindInPath), the
 * plugin environment, the "text file busy" retry, the mapping of failed runs to CNI errors, and the
 * VERSION command. The engine calls {@link io.cni4j.core.internal.invoke.PluginInvoker}.
 */
package io.cni4j.core.internal.invoke;
