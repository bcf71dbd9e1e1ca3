/**
 * The implementation of the process executor: the provider, the {@link java.lang.ProcessBuilder}
 * based plugin executor with its bounded output readers and process-tree termination, and the
 * {@code unshare}/{@code umount} network namespace manager. Not exported.
 */
package io.cni4j.exec.process.internal;
