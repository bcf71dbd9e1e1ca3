package io.cni4j.api;

import java.util.List;
import java.util.Objects;

/**
 * DNS settings in a CNI result. Absent lists are empty and an absent domain is empty.
 *
 * @param nameservers the name servers, in priority order
 * @param domain the local domain, or empty
 * @param search the search domains
 * @param options resolver options
 */
public record Dns(List<String> nameservers, String domain, List<String> search, List<String> options) {

    /** The empty DNS configuration. */
    public static final Dns EMPTY = new Dns(List.of(), "", List.of(), List.of());

    /**
     * Copies the lists and normalises {@code null} to empty.
     *
     * @param nameservers the name servers
     * @param domain the domain
     * @param search the search domains
     * @param options the options
     */
    public Dns {
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
        domain = Objects.requireNonNullElse(domain, "");
        search = search == null ? List.of() : List.copyOf(search);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** @return {@code true} when no field is set */
    public boolean isEmpty() {
        return nameservers.isEmpty() && domain.isEmpty() && search.isEmpty() && options.isEmpty();
    }
}
