package io.cni4j.exec.jna.internal;

/**
 * Optional native features found by the probe; the executor has a fallback for each. Internal usage
 * only.
 *
 * @param closeFrom {@code posix_spawn_file_actions_addclosefrom_np} is there (glibc 2.34+): the child
 *     closes every descriptor from 3 up before it executes the plugin; without it, the descriptors
 *     listed in {@code /proc/self/fd} at spawn time are closed one by one
 * @param pidfd {@code pidfd_open} works (glibc 2.36+, Linux 5.3+): the plugin's exit wakes poll(2)
 *     directly; without it, {@code waitid(WNOWAIT)} is polled
 */
public record Features(boolean closeFrom, boolean pidfd) {

    /** Neither optional feature: the fallbacks everywhere. */
    public static final Features NONE = new Features(false, false);
}
