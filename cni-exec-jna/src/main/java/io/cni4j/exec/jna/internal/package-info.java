/**
 * Internal usage only: libc bindings, the {@code posix_spawn} executor, the netns manager and the
 * availability probe. Not exported; may change in any release.
 */
package io.cni4j.exec.jna.internal;
