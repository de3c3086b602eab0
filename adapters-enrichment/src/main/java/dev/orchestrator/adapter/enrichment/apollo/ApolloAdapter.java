package dev.orchestrator.adapter.enrichment.apollo;

import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import java.net.http.HttpClient;
import java.time.Clock;

/** The Apollo adapter's one public entry. */
public final class ApolloAdapter {
    public static final String NAME = ApolloOrganizationProvider.NAME;

    private ApolloAdapter() {
    }

    public static EnrichmentProvider create(ApolloSettings settings, HttpClient http, Clock clock) {
        return new ApolloOrganizationProvider(settings, http, clock);
    }
}
