package dev.orchestrator.adapter.enrichment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Found;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.NotFound;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import org.junit.jupiter.api.Test;

class SandboxEnrichmentProviderTest {
    private final EnrichmentProvider sandbox = SandboxEnrichment.create();

    @Test
    void a_company_in_the_file_is_found_with_every_field_from_the_sandbox() {
        SandboxCompany known = SandboxEnrichment.companies().get(0);

        Found found = (Found) sandbox.lookup(known.domain());

        assertThat(found.firmographics().isComplete()).isTrue();
        assertThat(found.firmographics().employees()).contains(Sourced.of(known.employees(), "sandbox", 0.8));
        assertThat(found.firmographics().industry().map(Sourced::value)).contains(known.industry());
        assertThat(found.response().body()).contains(known.domain().value());
    }

    @Test
    void a_generated_company_beyond_the_file_is_found_too() {
        SandboxCompany generated = SandboxEnrichment.companies().get(SandboxFirmographicsGenerator.TOTAL - 1);

        Found found = (Found) sandbox.lookup(generated.domain());

        assertThat(found.firmographics().employees()).contains(Sourced.of(generated.employees(), "sandbox", 0.8));
    }

    @Test
    void a_domain_not_in_the_file_is_not_found() {
        assertThat(sandbox.lookup(new RegistrableDomain("no-such-company-anywhere.com")))
                .isInstanceOf(NotFound.class);
    }
}
