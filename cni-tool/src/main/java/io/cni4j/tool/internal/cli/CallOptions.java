package io.cni4j.tool.internal.cli;

import io.cni4j.api.DnsCapability;
import io.cni4j.api.IpRange;
import io.cni4j.api.JsonText;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.PortMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-call options of {@code setup}, {@code remove} and {@code check} (go-cni's NamespaceOpts):
 * capabilities, labels and CNI_ARGS.
 */
public final class CallOptions {

    /** The per-call options, in help order. */
    public static final List<OptionSpec> SPECS = List.of(
            OptionSpec.repeatable("port", OptionValues.PORT_SYNTAX, "port mapping (portMappings capability)"),
            OptionSpec.repeatable("label", "K=V", "label, passed to plugins in CNI_ARGS as go-cni does"),
            OptionSpec.repeatable("arg", "K=V", "CNI_ARGS entry"),
            OptionSpec.repeatable("capability", "NAME=JSON", "any capability with a JSON value"),
            OptionSpec.single("bandwidth", OptionValues.BANDWIDTH_SYNTAX, "bandwidth capability, bits/s"),
            OptionSpec.repeatable("dns", OptionValues.DNS_SYNTAX, "dns capability; items and flags accumulate"),
            OptionSpec.repeatable("ip-range", OptionValues.IP_RANGE_SYNTAX, "ipRanges capability, one range set per flag"),
            OptionSpec.single("cgroup-path", "P", "cgroupPath capability"));

    private CallOptions() {
    }

    /**
     * Converts the per-call options of a parsed command line, in a stable order: ports, ip ranges,
     * bandwidth, dns, cgroup path, other capabilities, labels, args, then the timeout.
     *
     * @param args the parsed command line
     * @param timeout the call's timeout, if any
     * @return the namespace options
     * @throws UsageException if a value is malformed
     */
    public static List<NamespaceOption> from(ParsedArgs args, Optional<Duration> timeout) throws UsageException {
        List<NamespaceOption> options = new ArrayList<>();
        List<PortMapping> ports = new ArrayList<>();
        for (String v : args.values("port")) {
            ports.add(OptionValues.portMapping(v));
        }
        if (!ports.isEmpty()) {
            options.add(NamespaceOption.portMappings(ports));
        }
        List<List<IpRange>> rangeSets = new ArrayList<>();
        for (String v : args.values("ip-range")) {
            rangeSets.add(List.of(OptionValues.ipRange(v)));
        }
        if (!rangeSets.isEmpty()) {
            options.add(NamespaceOption.ipRanges(rangeSets));
        }
        if (args.value("bandwidth").isPresent()) {
            options.add(NamespaceOption.bandwidth(OptionValues.bandwidth(args.value("bandwidth").get())));
        }
        DnsCapability dns = null;
        for (String v : args.values("dns")) {
            dns = OptionValues.dns(dns, v);
        }
        if (dns != null) {
            options.add(NamespaceOption.dns(dns));
        }
        if (args.value("cgroup-path").isPresent()) {
            String path = args.value("cgroup-path").get();
            if (path.isEmpty()) {
                throw new UsageException("--cgroup-path needs a path");
            }
            options.add(NamespaceOption.cgroupPath(path));
        }
        for (String v : args.values("capability")) {
            Map.Entry<String, JsonText> c = OptionValues.capability(v);
            options.add(NamespaceOption.capability(c.getKey(), c.getValue()));
        }
        for (String v : args.values("label")) {
            Map.Entry<String, String> kv = OptionValues.keyValue("--label", v);
            options.add(NamespaceOption.label(kv.getKey(), kv.getValue()));
        }
        for (String v : args.values("arg")) {
            Map.Entry<String, String> kv = OptionValues.keyValue("--arg", v);
            options.add(NamespaceOption.arg(kv.getKey(), kv.getValue()));
        }
        timeout.ifPresent(t -> options.add(NamespaceOption.timeout(t)));
        return options;
    }
}
