package io.cni4j.exec.jna.internal;

import com.sun.jna.Native;
import java.io.IOException;

/**
 * A failed libc call: the function, what it was called on, and the error number with the C library's
 * text for it. Used as the cause of the cni4j exceptions that cross the module boundary, so no JNA
 * type leaves this package. Internal usage only.
 */
final class ErrnoException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    private ErrnoException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /**
     * For a call that returned -1 and left the error in {@code errno}.
     *
     * @param function the libc function
     * @param subject what it was called on, e.g. a path, or {@code null}
     * @return the exception, carrying this thread's last error
     */
    static ErrnoException last(String function, Object subject) {
        return of(function, subject, Native.getLastError());
    }

    /**
     * For a call that returned its error number.
     *
     * @param function the libc function
     * @param subject what it was called on, or {@code null}
     * @param errno the error number
     * @return the exception
     */
    static ErrnoException of(String function, Object subject, int errno) {
        String on = subject == null ? "" : " " + subject;
        return new ErrnoException(function + on + ": " + describe(errno), errno);
    }

    /**
     * The C library's text for an error number, with the number.
     *
     * @param errno the error number
     * @return e.g. {@code No such file or directory (errno 2)}
     */
    static String describe(int errno) {
        String text;
        try {
            text = LibC.strerror(errno);
        } catch (RuntimeException | LinkageError e) {
            text = null;
        }
        return (text == null ? "error" : text) + " (errno " + errno + ")";
    }

    /** @return the error number */
    int errno() {
        return errno;
    }
}
