package io.cni4j.testkit.internal.plugins;

import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Verb;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.PluginCall;
import io.cni4j.testkit.PluginReply;
import java.util.List;

/**
 * A fake {@code loopback}: ADD reports interface {@code lo} in {@code CNI_NETNS} with
 * {@code 127.0.0.1/8} and {@code ::1/128}, in the config's version; every other verb succeeds.
 */
public final class LoopbackPlugin implements FakePlugin {

    private static final List<IpConfig> ADDRESSES = List.of(new IpConfig(0, IpPrefix.parse("127.0.0.1/8"), null),
            new IpConfig(0, IpPrefix.parse("::1/128"), null));

    @Override
    public PluginReply handle(PluginCall call) {
        var bad = Preconditions.badStdin(call);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (call.verb() != Verb.ADD) {
            return PluginReply.ok();
        }
        CniResult result = new CniResult(call.cniVersion(), List.of(Interface.of("lo", "", call.netns())),
                ADDRESSES,
                null, null);
        return PluginReply.result(call.cniVersion(), result);
    }
}
