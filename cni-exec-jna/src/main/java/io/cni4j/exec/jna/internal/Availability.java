package io.cni4j.exec.jna.internal;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this module can work in this JVM, computed once per JVM (Netty's native-transport probe
 * pattern), with the cause when it cannot and the optional features when it can. Internal usage
 * only; the public face is {@link io.cni4j.exec.jna.JnaExecutors}.
 *
 * @param cause why the module cannot work, or {@code null} when it can
 * @param features the optional native features ({@link Features#NONE} when unavailable)
 */
public record Availability(Throwable cause, Features features) {

    /** The system property that turns the module off when {@code true}. */
    public static final String DISABLE_PROPERTY = "io.cni4j.exec.jna.disable";

    private static final System.Logger LOG = System.getLogger("io.cni4j.exec.jna");

    /**
     * Checks the components.
     *
     * @param cause the cause or {@code null}
     * @param features the features
     */
    public Availability {
        Objects.requireNonNull(features, "features");
    }

    /**
     * An availability that reports {@code cause}.
     *
     * @param cause why the module cannot work
     * @return the availability
     */
    public static Availability unavailable(Throwable cause) {
        return new Availability(Objects.requireNonNull(cause, "cause"), Features.NONE);
    }

    /** @return this JVM's availability, probed on first use */
    public static Availability get() {
        return Holder.INSTANCE;
    }

    /** @return {@code true} if the module can work */
    public boolean isAvailable() {
        return cause == null;
    }

    /** @return the cause when unavailable */
    public Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(cause);
    }

    /**
     * Throws when unavailable, as Netty's {@code ensureAvailability()} does.
     *
     * @throws UnsatisfiedLinkError with the cause attached, when unavailable
     */
    public void ensureAvailable() {
        if (cause != null) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                    "the cni4j JNA executor is not available: " + cause.getMessage());
            error.initCause(cause);
            throw error;
        }
    }

    /**
     * Probes. Nothing native is touched when the kill switch is on or the system is not Linux.
     *
     * @param disableProperty the value of {@value #DISABLE_PROPERTY}, or {@code null}
     * @param osName the value of {@code os.name}
     * @return the availability
     */
    static Availability probe(String disableProperty, String osName) {
        if (Boolean.parseBoolean(disableProperty)) {
            return unavailable(new UnsupportedOperationException(
                    "disabled by the system property " + DISABLE_PROPERTY + "=" + disableProperty));
        }
        if (osName == null || !osName.startsWith("Linux")) {
            return unavailable(new UnsupportedOperationException("needs Linux, but os.name is " + osName));
        }
        try {
            return new Availability(null, NativeProbe.run());
        } catch (Throwable t) {
            // JNA missing or unloadable, a symbol missing, a probe call failing: all mean "not here"
            return unavailable(t);
        }
    }

    private static final class Holder {
        static final Availability INSTANCE = probeAndLog();

        private static Availability probeAndLog() {
            Availability availability = probe(System.getProperty(DISABLE_PROPERTY), System.getProperty("os.name"));
            if (availability.cause != null) {
                LOG.log(Level.DEBUG, "cni4j JNA executor unavailable: {0}", availability.cause.toString());
                LOG.log(Level.TRACE, "cni4j JNA executor unavailable", availability.cause);
            } else {
                LOG.log(Level.DEBUG, "cni4j JNA executor available with {0}", availability.features);
            }
            return availability;
        }
    }
}
