package io.cni4j.testkit.internal.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.Verb;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;

/**
 * A chained plugin that changes nothing (like {@code tuning} with no settings): ADD returns the
 * {@code prevResult}, relabelled with the config's version, or an empty result when there is none;
 * every other verb succeeds silently.
 */
public final class PassThroughPlugin implements FakePlugin {

    @Override
    public PluginReply handle(PluginCall call) {
        var bad = Preconditions.badStdin(call);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (call.verb() != Verb.ADD) {
            return PluginReply.ok();
        }
        JsonNode prev = call.prevResult();
        if (prev.isObject()) {
            ObjectNode result = (ObjectNode) prev;
            if (!call.cniVersion().isEmpty()) {
                result.put("cniVersion", call.cniVersion());
            }
            return PluginReply.ok(result);
        }
        return PluginReply.result(call.cniVersion(), new CniResult(call.cniVersion(), null, null, null, null));
    }
}
