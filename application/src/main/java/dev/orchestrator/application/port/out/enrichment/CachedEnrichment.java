package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;

/**
 * A remembered enrichment for one domain. Empty firmographics is a negative entry ("nobody knows this company"),
 * stored with a shorter lifetime than a positive one.
 */
public record CachedEnrichment(RegistrableDomain domain, Firmographics firmographics, Instant storedAt,
        Instant expiresAt) {
    public CachedEnrichment {
        Require.present("domain", domain);
        Require.present("firmographics", firmographics);
        Require.present("storedAt", storedAt);
        Require.present("expiresAt", expiresAt);
        Require.that(expiresAt.isAfter(storedAt), "expiresAt", "must be after storedAt");
    }

    public boolean negative() {
        return firmographics.isEmpty();
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
