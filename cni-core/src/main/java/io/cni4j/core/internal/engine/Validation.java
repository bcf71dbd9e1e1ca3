package io.cni4j.core.internal.engine;

import io.cni4j.api.CniError;
import io.cni4j.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * libcni's argument validation ({@code pkg/utils}, §4.8) with the spec's error codes, plus the checks
 * cni4j adds so that no argument can corrupt CNI_ARGS or the environment. Run before any plugin.
 */
public final class Validation {


    private Validation() {
    }

    /**
     * Validates a container id.
     *
     * @param id the id
     * @throws InvalidRequestException code 3 when empty, 4 for invalid characters
     */
    public static void containerId(String id) throws InvalidRequestException {
        if (id.isEmpty()) {
            throw new InvalidRequestException(new CniError(CniError.UNKNOWN_CONTAINER, "missing containerID", ""));
        }
        if (!isName(id)) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "invalid characters in containerID", id));
        }
    }

    /**
     * Validates a network name.
     *
     * @param name the name
     * @throws InvalidRequestException code 7
     */
    public static void networkName(String name) throws InvalidRequestException {
        if (name.isEmpty()) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_NETWORK_CONFIG, "missing network name:", ""));
        }
        if (!isName(name)) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_NETWORK_CONFIG,
                    "invalid characters found in network name", name));
        }
    }

    /**
     * Validates an interface name (length counted in bytes, as Linux does).
     *
     * @param name the name
     * @throws InvalidRequestException code 4
     */
    public static void interfaceName(String name) throws InvalidRequestException {
        if (name.isEmpty()) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "interface name is empty", ""));
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 15) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "interface name is too long", "interface name should be less than 16 characters"));
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "interface name is . or ..", ""));
        }
        if (!wellFormed(name)) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "interface name is not valid Unicode (an unpaired surrogate)", ""));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20) {
                throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                        "interface name contains / or : or whitespace characters", ""));
            }
        }
    }

    /**
     * Refuses CNI_ARGS entries that the {@code K=V;K=V} encoding or the environment cannot carry:
     * an empty key, or {@code =}, {@code ;}, NUL or an unpaired surrogate in a key or value (plugins
     * split each pair on {@code =} and expect exactly two parts).
     *
     * @param args the pairs
     * @throws InvalidRequestException code 4, naming the entry
     */
    public static void args(List<Map.Entry<String, String>> args) throws InvalidRequestException {
        for (Map.Entry<String, String> e : args) {
            String k = e.getKey();
            String v = e.getValue();
            if (k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf(';') >= 0 || v.indexOf(';') >= 0
                    || v.indexOf('=') >= 0 || k.indexOf('\0') >= 0 || v.indexOf('\0') >= 0
                    || !wellFormed(k) || !wellFormed(v)) {
                throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                        "invalid CNI_ARGS entry: keys must be non-empty, and neither keys nor values may contain"
                                + " '=', ';', NUL or an unpaired surrogate", printable(k) + "=" + printable(v)));
            }
        }
    }

    /**
     * Refuses a netns path that the environment cannot carry (NUL, an unpaired surrogate).
     *
     * @param netns the path
     * @throws InvalidRequestException code 4
     */
    public static void netns(String netns) throws InvalidRequestException {
        if (netns.indexOf('\0') >= 0) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "netns path contains NUL", printable(netns)));
        }
        if (!wellFormed(netns)) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "netns path is not valid Unicode (an unpaired surrogate)", printable(netns)));
        }
    }

    /**
     * Whether a string is valid UTF-16: an unpaired surrogate has no UTF-8 form, so it cannot reach a
     * plugin's environment or a file name intact.
     */
    /** libcni's {@code ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$} for container ids and network names, without a regex. */
    private static boolean isName(String s) {
        if (s.isEmpty() || !isAlphanumeric(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphanumeric(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
