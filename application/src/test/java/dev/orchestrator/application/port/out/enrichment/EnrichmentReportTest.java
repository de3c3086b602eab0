package dev.orchestrator.application.port.out.enrichment;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.domain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.EnrichmentReport.Source;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichmentReportTest {
    private final EnrichmentReport report = new EnrichmentReport(domain("acme.de"), aCompleteCompany("apollo"),
            List.of(
                    new ProviderAttempt("clearbit", EnumSet.allOf(FirmographicField.class),
                            new EnrichmentOutcome.NotFound("clearbit", new RawResponse(404, ""))),
                    new ProviderAttempt("apollo", EnumSet.allOf(FirmographicField.class),
                            new EnrichmentOutcome.Found("apollo", aCompleteCompany("apollo"),
                                    new RawResponse(200, "{\"organization\":{}}")))),
            Source.PROVIDERS, true);

    @Test
    void audit_evidence_names_each_field_with_its_provider_and_confidence() {
        assertThat(report.auditEvidence())
                .containsEntry("employees", "240 (apollo, confidence 0.90)")
                .containsEntry("headquarters", "DE/BY (apollo, confidence 0.90)")
                .containsEntry("industry", "manufacturing (apollo, confidence 0.80)");
    }

    @Test
    void audit_evidence_keeps_each_provider_answer_raw() {
        assertThat(report.auditEvidence())
                .containsEntry("provider.clearbit.outcome", "not found")
                .containsEntry("provider.apollo.raw", "200 {\"organization\":{}}");
    }

    @Test
    void a_failed_attempt_without_an_answer_has_no_raw_evidence() {
        EnrichmentReport timedOut = new EnrichmentReport(domain("acme.de"), Firmographics.empty(), List.of(
                new ProviderAttempt("clearbit", EnumSet.allOf(FirmographicField.class),
                        new EnrichmentOutcome.Failed("clearbit", EnrichmentOutcome.FailureKind.TIMEOUT, "slow",
                                Optional.empty(), Optional.empty()))), Source.PROVIDERS, true);

        assertThat(timedOut.auditEvidence()).containsEntry("provider.clearbit.outcome", "failed: timeout, slow")
                .doesNotContainKey("provider.clearbit.raw");
    }

    @Test
    void the_summary_says_how_many_fields_came_from_which_providers() {
        assertThat(report.summary()).isEqualTo("enriched acme.de: 6 of 6 fields from apollo");
    }
}
