package io.cni4j.api;

import java.util.Objects;

/**
 * A plugin failed and said why: either it printed the spec's error object
 * ({@link #error()} carries its code, msg and details), or it exited non-zero with only stderr or
 * nothing at all (code 0 and libcni's {@code netplugin failed...} message).
 *
 * <p>The message has libcni's shape, {@code plugin type="bridge" failed (add): <msg>; <details>},
 * with the network name added.
 */
public final class PluginErrorException extends CniException {

    private static final long serialVersionUID = 1L;

    private final CniError error;
    private final String pluginType;
    private final Verb verb;
    private final String network;

    /**
     * Creates the exception.
     *
     * @param error the plugin's error object
     * @param pluginType the plugin's {@code type}, e.g. {@code bridge}
     * @param verb the operation that failed
     * @param network the network (configuration list) name, or empty when unknown
     * @param cause an underlying failure, or {@code null}
     */
    public PluginErrorException(CniError error, String pluginType, Verb verb, String network, Throwable cause) {
        super(format(error, pluginType, verb, network), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.pluginType = Objects.requireNonNullElse(pluginType, "");
        this.verb = Objects.requireNonNull(verb, "verb");
        this.network = Objects.requireNonNullElse(network, "");
    }

    private static String format(CniError error, String pluginType, Verb verb, String network) {
        StringBuilder sb = new StringBuilder("plugin type=\"").append(pluginType).append('"');
        if (network != null && !network.isEmpty()) {
            sb.append(" network=\"").append(network).append('"');
        }
        return sb.append(" failed (").append(verb.description()).append("): ")
                .append(error.message()).toString();
    }

    /** @return the plugin's error object (code, msg, details) */
    public CniError error() {
        return error;
    }

    /** @return the spec error code, a shortcut for {@code error().code()} */
    public long code() {
        return error.code();
    }

    /** @return the plugin's {@code type} */
    public String pluginType() {
        return pluginType;
    }

    /** @return the operation that failed */
    public Verb verb() {
        return verb;
    }

    /** @return the network (configuration list) name, empty when unknown */
    public String network() {
        return network;
    }
}
