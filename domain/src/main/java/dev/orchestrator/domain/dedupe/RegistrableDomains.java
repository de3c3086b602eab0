package dev.orchestrator.domain.dedupe;

import java.util.Optional;

/**
 * Turns a host, URL or e-mail domain into a {@link DomainKey}. The public suffix list is data the domain does
 * not ship, so the application implements this (with Guava's {@code InternetDomainName}).
 */
@FunctionalInterface
public interface RegistrableDomains {
    Optional<DomainKey> keyOf(String hostOrUrl);
}
