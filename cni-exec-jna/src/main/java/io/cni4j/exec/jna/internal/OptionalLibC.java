package io.cni4j.exec.jna.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * libc functions that not every C library has, each in its own holder class so that a missing
 * symbol disables only its feature: {@link Native#register} fails a whole class when one symbol is
 * missing. {@link #hasSymbol} is checked before a holder is touched. Internal usage only.
 */
final class OptionalLibC {

    private OptionalLibC() {
    }

    /**
     * Tells whether the C library exports {@code name}.
     *
     * @param name the symbol
     * @return {@code true} if it can be bound
     */
    static boolean hasSymbol(String name) {
        try {
            NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** {@code posix_spawn_file_actions_addclosefrom_np}: glibc 2.34 and later. */
    static final class CloseFrom {

        static final String SYMBOL = "posix_spawn_file_actions_addclosefrom_np";

        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        private CloseFrom() {
        }

        static native int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int lowFd);
    }

    /** {@code pidfd_open}: glibc 2.36 and later, Linux 5.3 and later. */
    static final class Pidfd {

        static final String SYMBOL = "pidfd_open";

        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        private Pidfd() {
        }

        static native int pidfd_open(int pid, int flags);
    }
}
