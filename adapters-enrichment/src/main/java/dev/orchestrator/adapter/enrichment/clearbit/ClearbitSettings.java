package dev.orchestrator.adapter.enrichment.clearbit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Clearbit's Company API ({@code CLEARBIT_KEY}, {@code CLEARBIT_BASE_URL}); {@code requestTimeout}
 * bounds one HTTP call.
 */
public record ClearbitSettings(URI baseUrl, String apiKey, Duration requestTimeout) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://company.clearbit.com");

    public ClearbitSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("CLEARBIT_KEY is required when clearbit is an enrichment provider");
        }
    }

    /** From the environment's values; a missing base URL means the public API. */
    public static ClearbitSettings of(String baseUrl, String apiKey, Duration requestTimeout) {
        URI base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : URI.create(baseUrl.strip());
        return new ClearbitSettings(base, apiKey, requestTimeout);
    }

    @Override
    public String toString() {
        // Secrets never reach logs.
        return "ClearbitSettings[baseUrl=" + baseUrl + ", apiKey=***, requestTimeout=" + requestTimeout + "]";
    }
}
