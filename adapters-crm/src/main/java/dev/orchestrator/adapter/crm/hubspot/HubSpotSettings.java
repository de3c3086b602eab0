package dev.orchestrator.adapter.crm.hubspot;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one HubSpot portal. The private-app token is a secret: {@link #toString()} never shows it, and the
 * adapter scrubs it from every error message it builds.
 *
 * @param maxAttempts how many times one call is sent when HubSpot answers 429 (rate limited) before the failure
 *                    is handed to the job's own retry
 */
public record HubSpotSettings(URI baseUrl, String token, HubSpotRateLimits rateLimits, Duration requestTimeout,
        int maxAttempts, HubSpotFieldMap fieldMap, HubSpotDailyBudget dailyBudget) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hubapi.com");

    public HubSpotSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(fieldMap, "fieldMap");
        Objects.requireNonNull(dailyBudget, "dailyBudget");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("HubSpot private-app token is required (HUBSPOT_TOKEN)");
        }
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("HubSpot base URL must be http(s): " + baseUrl);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        String text = baseUrl.toString();
        baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    /** Settings with a Professional portal's daily budget. */
    public HubSpotSettings(URI baseUrl, String token, HubSpotRateLimits rateLimits, Duration requestTimeout,
            int maxAttempts, HubSpotFieldMap fieldMap) {
        this(baseUrl, token, rateLimits, requestTimeout, maxAttempts, fieldMap, HubSpotDailyBudget.professional());
    }

    /** The public API, HubSpot's private-app limits and default properties. */
    public static HubSpotSettings of(String token) {
        return new HubSpotSettings(DEFAULT_BASE_URL, token, HubSpotRateLimits.privateAppDefaults(),
                Duration.ofSeconds(10), 4, HubSpotFieldMap.defaults());
    }

    /**
     * Reads {@code HUBSPOT_TOKEN} (required), {@code HUBSPOT_BASE_URL}, {@code HUBSPOT_DAILY_BUDGET} (requests per
     * day, default 650000) and {@code HUBSPOT_TIME_ZONE} (the portal's time zone, whose midnight resets the daily
     * budget; default UTC).
     */
    public static HubSpotSettings fromEnvironment(Map<String, String> env) {
        HubSpotSettings settings = of(env.get("HUBSPOT_TOKEN"));
        String baseUrl = env.get("HUBSPOT_BASE_URL");
        settings = baseUrl == null || baseUrl.isBlank() ? settings : settings.withBaseUrl(URI.create(baseUrl.strip()));
        String daily = env.get("HUBSPOT_DAILY_BUDGET");
        String zone = env.get("HUBSPOT_TIME_ZONE");
        HubSpotDailyBudget budget = settings.dailyBudget();
        return settings.withDailyBudget(new HubSpotDailyBudget(
                daily == null || daily.isBlank() ? budget.requests() : Long.parseLong(daily.strip()),
                zone == null || zone.isBlank() ? budget.resetZone() : ZoneId.of(zone.strip()),
                budget.liveReservePercent()));
    }

    public HubSpotSettings withDailyBudget(HubSpotDailyBudget newBudget) {
        return new HubSpotSettings(baseUrl, token, rateLimits, requestTimeout, maxAttempts, fieldMap, newBudget);
    }

    public HubSpotSettings withBaseUrl(URI newBaseUrl) {
        return new HubSpotSettings(newBaseUrl, token, rateLimits, requestTimeout, maxAttempts, fieldMap, dailyBudget);
    }

    public HubSpotSettings withRateLimits(HubSpotRateLimits newLimits) {
        return new HubSpotSettings(baseUrl, token, newLimits, requestTimeout, maxAttempts, fieldMap, dailyBudget);
    }

    public HubSpotSettings withFieldMap(HubSpotFieldMap newFieldMap) {
        return new HubSpotSettings(baseUrl, token, rateLimits, requestTimeout, maxAttempts, newFieldMap, dailyBudget);
    }

    public HubSpotSettings withRequestTimeout(Duration newTimeout) {
        return new HubSpotSettings(baseUrl, token, rateLimits, newTimeout, maxAttempts, fieldMap, dailyBudget);
    }

    public HubSpotSettings withMaxAttempts(int newMaxAttempts) {
        return new HubSpotSettings(baseUrl, token, rateLimits, requestTimeout, newMaxAttempts, fieldMap, dailyBudget);
    }

    @Override
    public String toString() {
        return "HubSpotSettings[baseUrl=" + baseUrl + ", token=[redacted], rateLimits=" + rateLimits
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", fieldMap=" + fieldMap
                + ", dailyBudget=" + dailyBudget + "]";
    }
}
