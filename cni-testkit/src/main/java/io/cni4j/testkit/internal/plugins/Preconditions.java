package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniError;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import io.cni4j.testkit.internal.json.ResultJson;
import java.util.Optional;

/**
 * What every ready-made fake plugin checks first, as the reference plugins' {@code skel} does:
 * stdin must be a JSON object (else code 6) with a {@code cniVersion} that has a result shape (else
 * code 1).
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * Checks the call's stdin.
     *
     * @param call the call
     * @return the error reply when stdin is unusable, else empty
     */
    public static Optional<PluginReply> badStdin(PluginCall call) {
        if (!call.stdinIsObject()) {
            return Optional.of(PluginReply.error("", CniError.DECODING_FAILURE,
                    "failed to parse network configuration", "stdin is not a JSON object: " + call.stdinText()));
        }
        try {
            ResultJson.Shape.of(call.cniVersion());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(PluginReply.error("", CniError.INCOMPATIBLE_CNI_VERSION, "incompatible CNI versions",
                    "config is \"" + call.cniVersion() + "\", plugin supports " + PluginReply.ALL_VERSIONS));
        }
    }
}
