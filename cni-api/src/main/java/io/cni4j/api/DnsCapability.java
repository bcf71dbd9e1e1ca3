package io.cni4j.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS settings for the {@code dns} capability, with the CONVENTIONS.md keys {@code servers},
 * {@code searches}, {@code options}.
 *
 * @param servers name servers
 * @param searches search domains
 * @param options resolver options
 */
public record DnsCapability(List<String> servers, List<String> searches, List<String> options) {

    /**
     * Copies the lists.
     *
     * @param servers the servers
     * @param searches the searches
     * @param options the options
     */
    public DnsCapability {
        servers = servers == null ? List.of() : List.copyOf(servers);
        searches = searches == null ? List.of() : List.copyOf(searches);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** @return the payload as a JSON object tree */
    public Map<String, Object> toJsonObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("servers", servers);
        m.put("searches", searches);
        m.put("options", options);
        return m;
    }
}
