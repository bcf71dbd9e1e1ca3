package io.cni4j.exec.jna;

import io.cni4j.exec.jna.internal.Availability;
import io.cni4j.exec.jna.internal.JnaExecutorProvider;
import java.util.Optional;

/**
 * Whether the JNA executor can work in this JVM, probed once, in the style of Netty's
 * {@code Epoll.isAvailable()}.
 *
 * <p>The probe fails, with the cause kept, when the system is not Linux, the JVM is not 64-bit, JNA
 * or its native part cannot be loaded, a libc function the module needs is missing or a probing call
 * fails, or the system property {@value #DISABLE_PROPERTY} is {@code true} (the kill switch: the
 * engine then falls back to the next available executor, normally the process one). The result is
 * logged at DEBUG on the {@code io.cni4j.exec.jna} logger and never changes afterwards, so set the
 * property on the command line, before anything touches this module.
 */
public final class JnaExecutors {

    /** The name under which this module's executor provider is registered. */
    public static final String PROVIDER_NAME = JnaExecutorProvider.NAME;

    /** The provider's priority, above the process executor's. */
    public static final int PROVIDER_PRIORITY = JnaExecutorProvider.PRIORITY;

    /** The system property that turns this module off when {@code true}. */
    public static final String DISABLE_PROPERTY = Availability.DISABLE_PROPERTY;

    private JnaExecutors() {
    }

    /** @return {@code true} if the JNA executor and netns manager can be used in this JVM */
    public static boolean isAvailable() {
        return Availability.get().isAvailable();
    }

    /**
     * Throws unless {@link #isAvailable()}; factories of this module call it first.
     *
     * @throws UnsatisfiedLinkError with {@link #unavailabilityCause()} as its cause, when unavailable
     */
    public static void ensureAvailability() {
        Availability.get().ensureAvailable();
    }

    /** @return why the module is unavailable, or empty when it is available */
    public static Optional<Throwable> unavailabilityCause() {
        return Availability.get().unavailabilityCause();
    }
}
