package io.cni4j.tool.internal.demo;

import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.cli.OptionSpec;
import io.cni4j.tool.internal.command.Command;
import io.cni4j.tool.internal.host.BridgeNetwork;
import java.util.List;

/** {@code demo}: the README's first command. */
public final class DemoCommand {

    private DemoCommand() {
    }

    /** @return the command */
    public static Command command() {
        CommandSpec spec = new CommandSpec("demo",
                "give two new network namespaces their network from real CNI plugins, then remove it all (root)",
                List.of(),
                List.of(OptionSpec.single("subnet", "CIDR", "IPv4 subnet of the demo network (default "
                                + Demo.DEFAULT_SUBNET + ")"),
                        OptionSpec.single("bridge", "NAME", "bridge the demo network makes (default "
                                + Demo.DEFAULT_BRIDGE + ")")),
                String.join("\n",
                        "Steps, each printed with its duration: check prerequisites; find the plugins (loopback,",
                        "bridge, host-local, firewall, tuning) in /usr/lib/cni or /opt/cni/bin, or in --plugin-dir;",
                        "on Debian or Ubuntu install containernetworking-plugins if they are missing; write the",
                        "network config to a temp dir; create netns cni4j-demo-a and cni4j-demo-b in /run/netns;",
                        "set both up and print their results; connect over TCP from the first to the second; run",
                        "CHECK; tear everything down; confirm that no netns, veth, bridge, cache file or IPAM",
                        "reservation is left. Ctrl-C at any point still tears down.",
                        "The configuration, result cache and IPAM state live in the temp dir: /etc/cni and",
                        "/var/lib/cni are never touched (--conf-dir and --cache-dir are ignored)."));
        return new Command(spec, c -> new Demo(c, BridgeNetwork.of(Demo.NETWORK_NAME,
                c.args().value("bridge").orElse(Demo.DEFAULT_BRIDGE),
                c.args().value("subnet").orElse(Demo.DEFAULT_SUBNET))).run());
    }
}
