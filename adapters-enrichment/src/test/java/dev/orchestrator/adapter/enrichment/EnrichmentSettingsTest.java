package dev.orchestrator.adapter.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.enrichment.clearbit.ClearbitSettings;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichmentSettingsTest {

    @Test
    void an_unset_provider_list_means_the_sandbox_only() {
        assertThat(EnrichmentSettings.parseProviderOrder(null)).containsExactly("sandbox");
        assertThat(EnrichmentSettings.parseProviderOrder("  ")).containsExactly("sandbox");
    }

    @Test
    void the_provider_list_keeps_its_order_and_ignores_case_and_spaces() {
        assertThat(EnrichmentSettings.parseProviderOrder("Clearbit, apollo ,sandbox"))
                .containsExactly("clearbit", "apollo", "sandbox");
    }

    @Test
    void an_unknown_provider_fails_at_start_up() {
        assertThatThrownBy(() -> new EnrichmentSettings(List.of("zoominfo"), Map.of(), WaterfallSettings.defaults(),
                Optional.empty(), Optional.empty())).hasMessageContaining("unknown provider 'zoominfo'");
    }

    @Test
    void a_configured_provider_without_its_key_fails_at_start_up() {
        assertThatThrownBy(() -> new EnrichmentSettings(List.of("clearbit", "sandbox"), Map.of(),
                WaterfallSettings.defaults(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("CLEARBIT_KEY");
    }

    @Test
    void the_key_never_appears_in_the_settings_text() {
        assertThat(ClearbitSettings.of(null, "sk_live_secret", Duration.ofSeconds(2)).toString())
                .doesNotContain("sk_live_secret");
    }

    @Test
    void the_default_settings_enrich_a_sandbox_company_offline() {
        CompanyEnricher enricher = EnrichmentAdapters.waterfall(EnrichmentSettings.sandboxOnly(),
                HttpClient.newHttpClient(), EnrichmentAdapters.noPersistentCache(), LateEnrichmentListener.ignoring(),
                Clock.systemUTC());

        EnrichmentReport report = enricher.enrich(EnrichmentAdapters.sandboxCompanies().get(3).domain());

        assertThat(report.firmographics().isComplete()).isTrue();
    }
}
