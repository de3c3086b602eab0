package dev.orchestrator.adapter.persistence.enrichment;

import dev.orchestrator.application.port.out.enrichment.CachedEnrichment;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** The enrichment cache in PostgreSQL (table {@code enrichment_cache}, migration V20). */
final class JdbiEnrichmentCache implements EnrichmentCache {
    private static final String UPSERT = """
            INSERT INTO enrichment_cache (domain, stored_at, expires_at,
                employees, employees_provider, employees_confidence,
                industry, industry_provider, industry_confidence,
                revenue_range, revenue_provider, revenue_confidence,
                funding_stage, funding_provider, funding_confidence,
                hq_country, hq_region, hq_provider, hq_confidence,
                technologies, technologies_provider, technologies_confidence)
            VALUES (:domain, :storedAt, :expiresAt,
                :employees, :employeesProvider, :employeesConfidence,
                :industry, :industryProvider, :industryConfidence,
                :revenueRange, :revenueProvider, :revenueConfidence,
                :fundingStage, :fundingProvider, :fundingConfidence,
                :hqCountry, :hqRegion, :hqProvider, :hqConfidence,
                :technologies, :technologiesProvider, :technologiesConfidence)
            ON CONFLICT (domain) DO UPDATE SET
                stored_at = EXCLUDED.stored_at, expires_at = EXCLUDED.expires_at,
                employees = EXCLUDED.employees, employees_provider = EXCLUDED.employees_provider,
                employees_confidence = EXCLUDED.employees_confidence,
                industry = EXCLUDED.industry, industry_provider = EXCLUDED.industry_provider,
                industry_confidence = EXCLUDED.industry_confidence,
                revenue_range = EXCLUDED.revenue_range, revenue_provider = EXCLUDED.revenue_provider,
                revenue_confidence = EXCLUDED.revenue_confidence,
                funding_stage = EXCLUDED.funding_stage, funding_provider = EXCLUDED.funding_provider,
                funding_confidence = EXCLUDED.funding_confidence,
                hq_country = EXCLUDED.hq_country, hq_region = EXCLUDED.hq_region,
                hq_provider = EXCLUDED.hq_provider, hq_confidence = EXCLUDED.hq_confidence,
                technologies = EXCLUDED.technologies, technologies_provider = EXCLUDED.technologies_provider,
                technologies_confidence = EXCLUDED.technologies_confidence
            """;

    private final Jdbi jdbi;

    JdbiEnrichmentCache(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CachedEnrichment> find(RegistrableDomain domain, Instant now) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM enrichment_cache WHERE domain = :domain AND expires_at > :now")
                .bind("domain", domain.value())
                .bind("now", at(now))
                .map(JdbiEnrichmentCache::row)
                .findOne());
    }

    @Override
    public void store(CachedEnrichment entry) {
        Firmographics f = entry.firmographics();
        jdbi.useHandle(handle -> {
            Update update = handle.createUpdate(UPSERT)
                    .bind("domain", entry.domain().value())
                    .bind("storedAt", at(entry.storedAt()))
                    .bind("expiresAt", at(entry.expiresAt()));
            update.bind("employees", f.employees().map(Sourced::value).orElse(null));
            bindSource(update, "employees", f.employees());
            update.bind("industry", f.industry().map(v -> v.value().key()).orElse(null));
            bindSource(update, "industry", f.industry());
            update.bind("revenueRange", f.revenueRange().map(v -> v.value().key()).orElse(null));
            bindSource(update, "revenue", f.revenueRange());
            update.bind("fundingStage", f.fundingStage().map(v -> v.value().key()).orElse(null));
            bindSource(update, "funding", f.fundingStage());
            update.bind("hqCountry", f.headquarters().map(v -> v.value().countryCode()).orElse(null));
            update.bind("hqRegion", f.headquarters().flatMap(v -> v.value().region()).orElse(null));
            bindSource(update, "hq", f.headquarters());
            if (f.technologies().isPresent()) {
                update.bindArray("technologies", String.class, f.technologies().get().value());
            } else {
                update.bindNull("technologies", Types.ARRAY);
            }
            bindSource(update, "technologies", f.technologies());
            update.execute();
        });
    }

    @Override
    public int evictExpired(Instant now) {
        return jdbi.withHandle(handle -> handle
                .createUpdate("DELETE FROM enrichment_cache WHERE expires_at <= :now")
                .bind("now", at(now))
                .execute());
    }

    /** Binds {@code <prefix>Provider} and {@code <prefix>Confidence}, both NULL when the field is absent. */
    private static void bindSource(Update update, String prefix, Optional<? extends Sourced<?>> field) {
        update.bind(prefix + "Provider", field.map(Sourced::provider).orElse(null));
        update.bind(prefix + "Confidence", field.map(Sourced::confidence).orElse(null));
    }

    private static CachedEnrichment row(ResultSet rs, StatementContext ctx) throws SQLException {
        Firmographics f = Firmographics.empty();
        int employees = rs.getInt("employees");
        if (!rs.wasNull()) {
            f = f.withEmployees(sourced(rs, "employees", employees));
        }
        if (rs.getString("industry") != null) {
            f = f.withIndustry(sourced(rs, "industry", Industry.fromKey(rs.getString("industry"))));
        }
        if (rs.getString("revenue_range") != null) {
            f = f.withRevenueRange(sourced(rs, "revenue", RevenueRange.fromKey(rs.getString("revenue_range"))));
        }
        if (rs.getString("funding_stage") != null) {
            f = f.withFundingStage(sourced(rs, "funding", FundingStage.fromKey(rs.getString("funding_stage"))));
        }
        if (rs.getString("hq_country") != null) {
            f = f.withHeadquarters(sourced(rs, "hq",
                    new Headquarters(rs.getString("hq_country"), Optional.ofNullable(rs.getString("hq_region")))));
        }
        Array technologies = rs.getArray("technologies");
        if (technologies != null) {
            f = f.withTechnologies(sourced(rs, "technologies", List.of((String[]) technologies.getArray())));
        }
        return new CachedEnrichment(new RegistrableDomain(rs.getString("domain")), f, instant(rs, "stored_at"),
                instant(rs, "expires_at"));
    }

    private static <T> Sourced<T> sourced(ResultSet rs, String prefix, T value) throws SQLException {
        return Sourced.of(value, rs.getString(prefix + "_provider"), rs.getDouble(prefix + "_confidence"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
