package dev.orchestrator.adapter.persistence.enrichment;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.NOW;
import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.domain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.CachedEnrichment;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCacheContract;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiEnrichmentCacheTest extends EnrichmentCacheContract {
    private static EmbeddedPostgres postgres;
    private static Jdbi jdbi;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbi = Jdbi.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Override
    protected EnrichmentCache cache() {
        return EnrichmentCachePersistence.create(jdbi);
    }

    @Test
    void a_partly_known_company_keeps_its_missing_fields_missing() {
        Firmographics partial = Firmographics.empty()
                .withEmployees(Sourced.of(12, "apollo", 0.75))
                .withHeadquarters(Sourced.of(Headquarters.of("FR", null), "apollo", 0.8));
        cache().store(new CachedEnrichment(domain("partial-pg.fr"), partial, NOW, NOW.plus(Duration.ofDays(30))));

        assertThat(cache().find(domain("partial-pg.fr"), NOW)).hasValueSatisfying(found ->
                assertThat(found.firmographics()).isEqualTo(partial));
    }

    @Test
    void a_negative_entry_is_a_row_with_no_field_values() {
        cache().store(new CachedEnrichment(domain("negative-pg.com"), Firmographics.empty(), NOW,
                NOW.plus(Duration.ofHours(6))));

        Integer valued = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM enrichment_cache "
                + "WHERE domain = 'negative-pg.com' AND num_nonnulls(employees, industry, revenue_range, "
                + "funding_stage, hq_country, technologies) = 0").mapTo(Integer.class).one());
        assertThat(valued).isEqualTo(1);
    }
}
