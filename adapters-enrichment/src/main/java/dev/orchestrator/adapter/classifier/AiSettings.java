package dev.orchestrator.adapter.classifier;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint ({@code AI_BASE_URL}, {@code AI_MODEL},
 * {@code AI_API_KEY}); {@code requestTimeout} is the deadline of one call. The base URL is the server root: the
 * adapter calls {@code {baseUrl}/v1/chat/completions}.
 */
public record AiSettings(URI baseUrl, String model, String apiKey, Duration requestTimeout) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public AiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("AI_MODEL is required for the chat-completions classifier");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("AI_API_KEY is required for the chat-completions classifier");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** From the environment's values; a missing base URL means OpenAI's, a missing timeout 20 seconds. */
    public static AiSettings of(String baseUrl, String model, String apiKey, Duration requestTimeout) {
        URI base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : URI.create(baseUrl.strip());
        return new AiSettings(base, model == null ? null : model.strip(), apiKey,
                requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout);
    }

    /** The endpoint; a base URL given with a trailing {@code /v1} is accepted as well. */
    URI completionsUri() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + "/v1/chat/completions");
    }

    @Override
    public String toString() {
        // Secrets never reach logs.
        return "AiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=***, requestTimeout="
                + requestTimeout + "]";
    }
}
