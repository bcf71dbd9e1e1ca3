package io.cni4j.tool.internal.cli;

import io.cni4j.api.Bandwidth;
import io.cni4j.api.DnsCapability;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.IpRange;
import io.cni4j.api.JsonText;
import io.cni4j.api.PortMapping;
import io.cni4j.tool.internal.output.ToolJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts option values from text to the API's types. Every method names the option in its
 * {@link UsageException} and says what was expected, so a mistyped value is explained, not echoed.
 */
public final class OptionValues {

    /** The syntax of {@code --port}, for help and errors. */
    public static final String PORT_SYNTAX = "HOST:CONTAINER[/PROTO][@HOSTIP]";
    /** The syntax of {@code --bandwidth}. */
    public static final String BANDWIDTH_SYNTAX = "in=RATE,out=RATE[,in-burst=BITS,out-burst=BITS]";
    /** The syntax of {@code --dns}. */
    public static final String DNS_SYNTAX = "servers=IP,searches=DOMAIN,options=OPT,...";
    /** The syntax of {@code --ip-range}. */
    public static final String IP_RANGE_SYNTAX = "SUBNET[,START,END,GW]";

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern RATE = Pattern.compile("(\\d+)(k|m|g|kbit|mbit|gbit)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> DURATION_UNITS_NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private OptionValues() {
    }

    /**
     * Parses a port mapping, {@code HOST:CONTAINER[/PROTO][@HOSTIP]}: e.g. {@code 8080:80},
     * {@code 5353:53/udp}, {@code 8443:443/tcp@127.0.0.1}, {@code 8080:80@[::1]}.
     *
     * @param text the value
     * @return the mapping; the protocol defaults to tcp
     * @throws UsageException if malformed
     */
    public static PortMapping portMapping(String text) throws UsageException {
        String rest = text;
        String hostIp = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            hostIp = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (hostIp.startsWith("[") && hostIp.endsWith("]")) {
                hostIp = hostIp.substring(1, hostIp.length() - 1);
            }
            try {
                hostIp = IpAddresses.format(IpAddresses.parse(hostIp));
            } catch (IllegalArgumentException e) {
                throw bad("--port", text, PORT_SYNTAX, "HOSTIP is not an IP address");
            }
        }
        String protocol = "tcp";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, slash);
            if (!PROTOCOLS.contains(protocol)) {
                throw bad("--port", text, PORT_SYNTAX, "PROTO must be tcp, udp or sctp");
            }
        }
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw bad("--port", text, PORT_SYNTAX, "both ports are needed");
        }
        int host = port(rest.substring(0, colon), text);
        int container = port(rest.substring(colon + 1), text);
        return new PortMapping(host, container, protocol, hostIp);
    }

    private static int port(String digits, String whole) throws UsageException {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw bad("--port", whole, PORT_SYNTAX, "a port is a number from 1 to 65535");
        }
        return Integer.parseInt(digits);
    }

    /**
     * Parses {@code K=V} for {@code --label} and {@code --arg} (CNI_ARGS). The key is not empty; the
     * value may be; neither may hold {@code ;}, the CNI_ARGS separator.
     *
     * @param option the option name, for errors (e.g. {@code --arg})
     * @param text the value
     * @return the key and value
     * @throws UsageException if malformed
     */
    public static Map.Entry<String, String> keyValue(String option, String text) throws UsageException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw bad(option, text, "K=V", "a non-empty key and '=' are needed");
        }
        if (text.indexOf(';') >= 0) {
            throw bad(option, text, "K=V", "';' separates CNI_ARGS entries and cannot appear in a key or value");
        }
        return Map.entry(text.substring(0, eq), text.substring(eq + 1));
    }

    /**
     * Parses {@code NAME=JSON} for {@code --capability}; the JSON is checked here so a typo fails
     * before any plugin runs.
     *
     * @param text the value
     * @return the capability name and its JSON
     * @throws UsageException if the name is empty or the JSON invalid
     */
    public static Map.Entry<String, JsonText> capability(String text) throws UsageException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw bad("--capability", text, "NAME=JSON", "a non-empty name and '=' are needed");
        }
        String json = text.substring(eq + 1);
        try {
            ToolJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--capability " + text.substring(0, eq) + ": invalid JSON: " + e.getMessage());
        }
        return Map.entry(text.substring(0, eq), new JsonText(json));
    }

    /**
     * Parses {@code in=RATE,out=RATE[,in-burst=BITS,out-burst=BITS]}. Rates are bits per second
     * and bursts bits, each a whole number with an optional SI suffix ({@code k}, {@code m},
     * {@code g}, or {@code kbit}, {@code mbit}, {@code gbit}). At least one of {@code in} and
     * {@code out} is needed; a burst not given equals its rate (one second of traffic), because the
     * bandwidth plugin refuses a rate without a burst.
     *
     * @param text the value
     * @return the bandwidth capability
     * @throws UsageException if malformed
     */
    public static Bandwidth bandwidth(String text) throws UsageException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String item : text.split(",", -1)) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            if (eq < 0 || !Set.of("in", "out", "in-burst", "out-burst").contains(key)) {
                throw bad("--bandwidth", text, BANDWIDTH_SYNTAX, "'" + item + "' is not in=, out=, in-burst= or out-burst=");
            }
            if (values.put(key, rate(item.substring(eq + 1), text)) != null) {
                throw bad("--bandwidth", text, BANDWIDTH_SYNTAX, key + " is given twice");
            }
        }
        if (!values.containsKey("in") && !values.containsKey("out")) {
            throw bad("--bandwidth", text, BANDWIDTH_SYNTAX, "in= or out= is needed");
        }
        for (String dir : List.of("in", "out")) {
            if (values.containsKey(dir + "-burst") && !values.containsKey(dir)) {
                throw bad("--bandwidth", text, BANDWIDTH_SYNTAX, dir + "-burst needs " + dir + "=");
            }
        }
        long in = values.getOrDefault("in", 0L);
        long out = values.getOrDefault("out", 0L);
        return new Bandwidth(in, values.getOrDefault("in-burst", in), out, values.getOrDefault("out-burst", out));
    }

    private static long rate(String value, String whole) throws UsageException {
        Matcher m = RATE.matcher(value);
        if (!m.matches() || m.group(1).length() > 15) {
            throw bad("--bandwidth", whole, BANDWIDTH_SYNTAX, "'" + value + "' is not a number with an optional k, m or g");
        }
        long n = Long.parseLong(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
        long factor = switch (suffix) {
            case "k" -> 1_000L;
            case "m" -> 1_000_000L;
            case "g" -> 1_000_000_000L;
            default -> 1L;
        };
        if (n == 0) {
            throw bad("--bandwidth", whole, BANDWIDTH_SYNTAX, "rates and bursts must be positive");
        }
        return Math.multiplyExact(n, factor);
    }

    /**
     * Adds one {@code --dns} value to the DNS capability being built. The value is a comma-separated
     * list of {@code servers=IP}, {@code searches=DOMAIN} and {@code options=OPT} items; a key may
     * repeat, and so may the option: every item appends one entry, e.g.
     * {@code --dns servers=10.0.0.53,servers=10.0.0.54,searches=corp.example,options=ndots:2}.
     *
     * @param soFar the capability built from earlier values, or {@code null}
     * @param text the value
     * @return the capability with these entries appended
     * @throws UsageException if an item is malformed or a server is not an IP address
     */
    public static DnsCapability dns(DnsCapability soFar, String text) throws UsageException {
        List<String> servers = new ArrayList<>(soFar == null ? List.of() : soFar.servers());
        List<String> searches = new ArrayList<>(soFar == null ? List.of() : soFar.searches());
        List<String> options = new ArrayList<>(soFar == null ? List.of() : soFar.options());
        for (String item : text.split(",", -1)) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            if (value.isEmpty()) {
                throw bad("--dns", text, DNS_SYNTAX, "'" + item + "' needs a value");
            }
            switch (key) {
                case "servers" -> {
                    try {
                        IpAddresses.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw bad("--dns", text, DNS_SYNTAX, "server '" + value + "' is not an IP address");
                    }
                    servers.add(value);
                }
                case "searches" -> searches.add(value);
                case "options" -> options.add(value);
                default -> throw bad("--dns", text, DNS_SYNTAX, "'" + key + "' is not servers, searches or options");
            }
        }
        return new DnsCapability(servers, searches, options);
    }

    /**
     * Parses {@code SUBNET[,START,END,GW]}: one range, which forms one range set of the
     * {@code ipRanges} capability. START, END and GW may be left empty, e.g.
     * {@code 10.22.0.0/16,,,10.22.0.1}.
     *
     * @param text the value
     * @return the range
     * @throws UsageException if the subnet is not a CIDR or an address is invalid
     */
    public static IpRange ipRange(String text) throws UsageException {
        String[] parts = text.split(",", -1);
        if (parts.length > 4) {
            throw bad("--ip-range", text, IP_RANGE_SYNTAX, "at most four fields");
        }
        try {
            IpPrefix.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw bad("--ip-range", text, IP_RANGE_SYNTAX, "SUBNET '" + parts[0] + "' is not a CIDR like 10.1.0.0/16");
        }
        String[] names = {"SUBNET", "START", "END", "GW"};
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                try {
                    IpAddresses.parse(parts[i]);
                } catch (IllegalArgumentException e) {
                    throw bad("--ip-range", text, IP_RANGE_SYNTAX, names[i] + " '" + parts[i] + "' is not an IP address");
                }
            }
        }
        return new IpRange(parts[0], field(parts, 1), field(parts, 2), field(parts, 3));
    }

    private static String field(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    /**
     * Parses {@code ID:IFNAME} for {@code gc --valid}.
     *
     * @param text the value
     * @return the attachment
     * @throws UsageException if a part is empty
     */
    public static GcAttachment gcAttachment(String text) throws UsageException {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw bad("--valid", text, "ID:IFNAME", "both the container id and the interface name are needed");
        }
        return new GcAttachment(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * Parses a duration as Go writes them: numbers with units {@code ns}, {@code us}, {@code ms},
     * {@code s}, {@code m}, {@code h}, possibly several ({@code 1m30s}, {@code 1.5s}).
     *
     * @param option the option name, for errors
     * @param text the value
     * @return the positive duration
     * @throws UsageException if malformed or not positive
     */
    public static Duration duration(String option, String text) throws UsageException {
        Matcher m = DURATION_PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(DURATION_UNITS_NANOS.get(m.group(2)))));
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw bad(option, text, "DURATION", "write it like 30s, 500ms, 2m or 1m30s");
        }
        if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw bad(option, text, "DURATION", "it must be positive and at most about 292 years");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /**
     * Parses a whole number.
     *
     * @param option the option name, for errors
     * @param text the value
     * @param min the smallest value allowed
     * @return the number
     * @throws UsageException if not a number or below {@code min}
     */
    public static int integer(String option, String text, int min) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n < min) {
                throw new UsageException(option + " must be at least " + min + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + text + "'");
        }
    }

    private static UsageException bad(String option, String text, String syntax, String why) {
        return new UsageException(option + " '" + text + "': " + why + " (expected " + syntax + ")");
    }
}
