package dev.orchestrator.application.port.out.enrichment;

import com.google.common.net.InternetDomainName;
import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.util.Locale;

/**
 * The domain a company registered (public suffix + one label: {@code acme.co.uk} for {@code eu.shop.acme.co.uk}),
 * the key enrichment and its caches use, so every subdomain and website form of one company is one lookup.
 */
public record RegistrableDomain(String value) {
    public RegistrableDomain {
        Require.notBlank("domain", value);
        Require.that(value.equals(value.toLowerCase(Locale.ROOT)), "domain", "must be lower case");
        Require.that(InternetDomainName.isValid(value), "domain", "is not a valid domain name");
        InternetDomainName name = InternetDomainName.from(value);
        Require.that(name.isTopPrivateDomain(), "domain", "is not a registrable domain");
    }

    /** Reads a host, a website URL or an email address and keeps only the registrable part. */
    public static RegistrableDomain parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainViolation("domain", "is required");
        }
        String host = raw.strip().toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        host = cutAt(cutAt(cutAt(cutAt(host, '/'), '?'), '#'), ':');
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!InternetDomainName.isValid(host)) {
            throw new DomainViolation("domain", "'" + raw.strip() + "' is not a valid domain name");
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (!name.isUnderPublicSuffix()) {
            throw new DomainViolation("domain", "'" + raw.strip() + "' has no registrable part");
        }
        return new RegistrableDomain(name.topPrivateDomain().toString());
    }

    private static String cutAt(String text, char stop) {
        int index = text.indexOf(stop);
        return index >= 0 ? text.substring(0, index) : text;
    }

    @Override
    public String toString() {
        return value;
    }
}
