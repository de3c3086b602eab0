package dev.orchestrator.application.port.out.enrichment;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.NOW;
import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.domain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link EnrichmentCache} promises; run against the in-memory fake and the PostgreSQL adapter. */
public abstract class EnrichmentCacheContract {

    protected abstract EnrichmentCache cache();

    @Test
    void a_stored_entry_is_found_with_every_field_provider_and_confidence() {
        CachedEnrichment entry = new CachedEnrichment(domain("acme-contract.com"), aCompleteCompany("clearbit"),
                NOW, NOW.plus(Duration.ofDays(30)));
        cache().store(entry);

        assertThat(cache().find(domain("acme-contract.com"), NOW.plusSeconds(60))).contains(entry);
    }

    @Test
    void an_expired_entry_is_not_found() {
        cache().store(new CachedEnrichment(domain("expired-contract.com"), aCompleteCompany("apollo"), NOW,
                NOW.plus(Duration.ofDays(1))));

        assertThat(cache().find(domain("expired-contract.com"), NOW.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void a_negative_entry_is_found_as_negative() {
        cache().store(new CachedEnrichment(domain("nobody-contract.com"), Firmographics.empty(), NOW,
                NOW.plus(Duration.ofHours(6))));

        assertThat(cache().find(domain("nobody-contract.com"), NOW.plusSeconds(1)))
                .hasValueSatisfying(found -> assertThat(found.negative()).isTrue());
    }

    @Test
    void storing_again_replaces_the_entry() {
        cache().store(new CachedEnrichment(domain("replaced-contract.com"), Firmographics.empty(), NOW,
                NOW.plus(Duration.ofHours(6))));
        CachedEnrichment newer = new CachedEnrichment(domain("replaced-contract.com"), aCompleteCompany("sandbox"),
                NOW.plusSeconds(10), NOW.plus(Duration.ofDays(30)));
        cache().store(newer);

        assertThat(cache().find(domain("replaced-contract.com"), NOW.plusSeconds(20))).contains(newer);
    }

    @Test
    void eviction_removes_only_expired_entries() {
        cache().store(new CachedEnrichment(domain("old-evict.com"), Firmographics.empty(), NOW,
                NOW.plus(Duration.ofHours(1))));
        cache().store(new CachedEnrichment(domain("fresh-evict.com"), aCompleteCompany("sandbox"), NOW,
                NOW.plus(Duration.ofDays(30))));

        int evicted = cache().evictExpired(NOW.plus(Duration.ofHours(2)));

        assertThat(evicted).isGreaterThanOrEqualTo(1);
        assertThat(cache().find(domain("fresh-evict.com"), NOW.plus(Duration.ofHours(2)))).isPresent();
        assertThat(cache().find(domain("old-evict.com"), NOW)).isEmpty();
    }
}
