package io.cni4j.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.core.internal.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The result examples of the reference (§4.3&ndash;4.5, from libcni's types tests) and what each one
 * becomes in the other version families, plus JSON helpers for semantic comparison.
 */
final class ResultExamples {

    /** Every result version, oldest first. */
    static final List<String> VERSIONS = List.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

    private static final String DNS = """
            "dns":{"nameservers":["1.2.3.4","1::cafe"],"domain":"acompany.com",
                   "search":["somedomain.com","otherdomain.net"],"options":["foo","bar"]}""";

    private ResultExamples() {
    }

    /** The §4.3 example: a 0.1.0/0.2.0 result. */
    static String v020(String version) {
        return """
                {"cniVersion":"%s",
                 "ip4":{"ip":"1.2.3.30/24","gateway":"1.2.3.1","routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"}]},
                 "ip6":{"ip":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1",
                        "routes":[{"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa"}]},
                 %s}""".formatted(version, DNS);
    }

    /** The §4.4 example: a 0.3.x/0.4.0 result. */
    static String v040(String version) {
        return """
                {"cniVersion":"%s",
                 "interfaces":[{"name":"eth0","mac":"00:11:22:33:44:55","sandbox":"/proc/3553/ns/net"}],
                 "ips":[{"version":"4","interface":0,"address":"1.2.3.30/24","gateway":"1.2.3.1"},
                        {"version":"6","interface":0,"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                 "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},{"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa"}],
                 %s}""".formatted(version, DNS);
    }

    /** The §4.5 example: a 1.x result with every interface and route field. */
    static String v100(String version) {
        return """
                {"cniVersion":"%s",
                 "interfaces":[{"name":"eth0","mac":"00:11:22:33:44:55","mtu":1500,"sandbox":"/proc/3553/ns/net",
                                "pciID":"8086:9a01","socketPath":"/path/to/vhost/fd"}],
                 "ips":[{"interface":0,"address":"1.2.3.30/24","gateway":"1.2.3.1"},
                        {"interface":0,"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                 "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},
                           {"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa","mtu":1400,"advmss":1360,"priority":100,
                            "table":100,"scope":253}],
                 %s}""".formatted(version, DNS);
    }

    /** The example of the version's own family. */
    static String example(String version) {
        switch (family(version)) {
            case "020":
                return v020(version);
            case "040":
                return v040(version);
            default:
                return v100(version);
        }
    }

    /** What the example of {@code from}'s family becomes in version {@code to}, by libcni's rules. */
    static String converted(String from, String to) {
        String f = family(from);
        String t = family(to);
        if (t.equals("020")) {
            // Every example carries one IPv4 and one IPv6 address with one route each.
            return v020(to);
        }
        if (f.equals(t)) {
            return example(to);
        }
        if (f.equals("020")) {
            String version = t.equals("040") ? "\"version\":\"4\"," : "";
            String version6 = t.equals("040") ? "\"version\":\"6\"," : "";
            return """
                    {"cniVersion":"%s",
                     "ips":[{%s"address":"1.2.3.30/24","gateway":"1.2.3.1"},
                            {%s"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                     "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},{"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa"}],
                     %s}""".formatted(to, version, version6, DNS);
        }
        if (f.equals("040")) {
            // 0.3.x/0.4.0 to 1.x: the version field goes, everything else stays.
            return """
                    {"cniVersion":"%s",
                     "interfaces":[{"name":"eth0","mac":"00:11:22:33:44:55","sandbox":"/proc/3553/ns/net"}],
                     "ips":[{"interface":0,"address":"1.2.3.30/24","gateway":"1.2.3.1"},
                            {"interface":0,"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                     "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},{"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa"}],
                     %s}""".formatted(to, DNS);
        }
        // 1.x to 0.3.x/0.4.0: interface mtu, pciID and socketPath go; routes keep every field.
        return """
                {"cniVersion":"%s",
                 "interfaces":[{"name":"eth0","mac":"00:11:22:33:44:55","sandbox":"/proc/3553/ns/net"}],
                 "ips":[{"version":"4","interface":0,"address":"1.2.3.30/24","gateway":"1.2.3.1"},
                        {"version":"6","interface":0,"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                 "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},
                           {"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa","mtu":1400,"advmss":1360,"priority":100,
                            "table":100,"scope":253}],
                 %s}""".formatted(to, DNS);
    }

    /** @return {@code 020}, {@code 040} or {@code 100} */
    static String family(String version) {
        if (version.startsWith("1.")) {
            return "100";
        }
        return version.equals("0.1.0") || version.equals("0.2.0") ? "020" : "040";
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode tree(String json) {
        return tree(bytes(json));
    }

    static JsonNode tree(byte[] json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
