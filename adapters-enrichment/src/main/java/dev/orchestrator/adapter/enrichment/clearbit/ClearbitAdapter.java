package dev.orchestrator.adapter.enrichment.clearbit;

import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import java.net.http.HttpClient;
import java.time.Clock;

/** The Clearbit adapter's one public entry. */
public final class ClearbitAdapter {
    public static final String NAME = ClearbitCompanyProvider.NAME;

    private ClearbitAdapter() {
    }

    public static EnrichmentProvider create(ClearbitSettings settings, HttpClient http, Clock clock) {
        return new ClearbitCompanyProvider(settings, http, clock);
    }
}
