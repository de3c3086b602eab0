package dev.orchestrator.adapter.enrichment.apollo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** How to reach Apollo's organization enrichment ({@code APOLLO_KEY}, {@code APOLLO_BASE_URL}). */
public record ApolloSettings(URI baseUrl, String apiKey, Duration requestTimeout) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.apollo.io");

    public ApolloSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("APOLLO_KEY is required when apollo is an enrichment provider");
        }
    }

    public static ApolloSettings of(String baseUrl, String apiKey, Duration requestTimeout) {
        URI base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : URI.create(baseUrl.strip());
        return new ApolloSettings(base, apiKey, requestTimeout);
    }

    @Override
    public String toString() {
        return "ApolloSettings[baseUrl=" + baseUrl + ", apiKey=***, requestTimeout=" + requestTimeout + "]";
    }
}
