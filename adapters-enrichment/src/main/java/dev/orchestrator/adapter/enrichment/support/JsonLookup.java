package dev.orchestrator.adapter.enrichment.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.RawResponse;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.shared.DomainViolation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One company looked up by domain on a provider's JSON API, the way Clearbit and Apollo both answer it: 200 with a
 * JSON object, 404 for an unknown company, everything else as {@link HttpAnswers} classifies it. The provider keeps
 * what is its own: the path, the auth header, the statuses only it uses and how its body maps to firmographics.
 */
public final class JsonLookup {
    /** What the provider knows about the company in a 200 body; empty when the body says it knows none. */
    @FunctionalInterface
    public interface CompanyReader {
        Optional<Firmographics> read(JsonNode body);
    }

    /** An outcome for a status only this provider uses (Clearbit's 202); empty leaves it to the shared rules. */
    @FunctionalInterface
    public interface OwnStatuses {
        Optional<EnrichmentOutcome> read(HttpResponse<String> response, RawResponse raw);
    }

    private static final OwnStatuses NONE = (response, raw) -> Optional.empty();
    // Default settings, used only to read trees: safe to share across threads and providers.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final HttpClient http;
    private final Clock clock;

    public JsonLookup(String provider, HttpClient http, Clock clock) {
        this.provider = provider;
        this.http = http;
        this.clock = clock;
    }

    /**
     * A GET of {@code path?domain=…} below the configured base URL, asking for JSON; the caller adds its auth header.
     * Trailing slashes on the base URL are dropped so a configured {@code https://host/} does not yield {@code //}.
     */
    public static HttpRequest.Builder request(URI baseUrl, String path, RegistrableDomain domain, Duration timeout) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + path + "?domain=" + URLEncoder.encode(domain.value(), StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
    }

    /** {@code notAnObject} is the reason given when the body is JSON but not the object the provider documents. */
    public EnrichmentOutcome send(HttpRequest request, String notAnObject, CompanyReader reader) {
        return send(request, NONE, notAnObject, reader);
    }

    public EnrichmentOutcome send(HttpRequest request, OwnStatuses own, String notAnObject, CompanyReader reader) {
        HttpAnswers.Exchange exchange = HttpAnswers.send(http, request, provider);
        if (exchange instanceof HttpAnswers.Unanswered unanswered) {
            return unanswered.failure();
        }
        HttpResponse<String> response = ((HttpAnswers.Answered) exchange).response();
        RawResponse raw = HttpAnswers.raw(response);
        Optional<EnrichmentOutcome> owned = own.read(response, raw);
        if (owned.isPresent()) {
            return owned.get();
        }
        if (response.statusCode() == 200) {
            return answered(response, raw, notAnObject, reader);
        }
        if (response.statusCode() == 404) {
            return new EnrichmentOutcome.NotFound(provider, raw);
        }
        return HttpAnswers.unexpected(provider, response, clock);
    }

    /** The provider has queued the lookup: nothing to cache yet, ask again when its {@code Retry-After} says. */
    public EnrichmentOutcome.Pending pending(HttpResponse<String> response, RawResponse raw) {
        return new EnrichmentOutcome.Pending(provider, HttpAnswers.retryAfter(response.headers(), clock), raw);
    }

    private EnrichmentOutcome answered(HttpResponse<String> response, RawResponse raw, String notAnObject,
            CompanyReader reader) {
        JsonNode body;
        try {
            body = JSON.readTree(raw.body());
        } catch (JsonProcessingException e) {
            return HttpAnswers.malformed(provider, response, e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            return HttpAnswers.malformed(provider, response, notAnObject);
        }
        try {
            Optional<Firmographics> company = reader.read(body);
            return company.isPresent()
                    ? new EnrichmentOutcome.Found(provider, company.get(), raw)
                    : new EnrichmentOutcome.NotFound(provider, raw);
        } catch (DomainViolation e) {
            // A value no company can have (negative head count, bad country code): the body is not what we read.
            return HttpAnswers.malformed(provider, response, e.getMessage());
        }
    }
}
