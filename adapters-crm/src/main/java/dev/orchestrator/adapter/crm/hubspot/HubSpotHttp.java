package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HubSpot call under the rate limiter. A 429 from the ten-secondly or search limit is waited out here
 * ({@code Retry-After}, through the limiter so every other caller waits too) because HubSpot refused the request
 * before doing anything with it; every other failure goes back to the caller to be classified.
 */
final class HubSpotHttp {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotHttp.class);
    static final String REMAINING = "X-HubSpot-RateLimit-Remaining";
    static final String MAX = "X-HubSpot-RateLimit-Max";
    static final String INTERVAL = "X-HubSpot-RateLimit-Interval-Milliseconds";
    static final String DAILY = "X-HubSpot-RateLimit-Daily";
    static final String DAILY_REMAINING = "X-HubSpot-RateLimit-Daily-Remaining";

    /** What HubSpot answered: status, headers and the body as sent. */
    record Reply(int status, HttpHeaders headers, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HubSpotSettings settings;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ObjectMapper json;
    private final HubSpotErrors errors;
    private final DailyBudget daily;

    HubSpotHttp(HubSpotSettings settings, HttpClient http, RateLimiter limiter, Clock clock, ObjectMapper json,
            HubSpotErrors errors) {
        this.settings = settings;
        this.daily = new DailyBudget(settings.dailyBudget(), clock);
        this.http = http;
        this.limiter = limiter;
        this.clock = clock;
        this.json = json;
        this.errors = errors;
    }

    Reply send(String operation, RateLimiter.Budget budget, Lane lane, String method, String pathAndQuery,
            Optional<Object> body) {
        HttpRequest request = request(method, pathAndQuery, body);
        for (int attempt = 1; ; attempt++) {
            Reply reply = exchange(operation, budget, lane, request);
            observeLimits(reply.headers());
            if (reply.status() != 429) {
                return reply;
            }
            Duration retryAfter = retryAfter(reply.headers()).orElse(settings.rateLimits().defaultRetryAfter());
            if (errors.isDailyLimit(reply) || attempt >= settings.maxAttempts()) {
                throw errors.rateLimited(operation, reply, retryAfter, attempt);
            }
            LOG.info("HubSpot {} rate limited (attempt {} of {}): holding {} calls for {} ms", operation, attempt,
                    settings.maxAttempts(), budget, retryAfter.toMillis());
            limiter.pause(budget, retryAfter);
        }
    }

    /** Requests counted against today's allowance so far (ours, or HubSpot's count when it is higher). */
    long usedToday() {
        return daily.used();
    }

    private Reply exchange(String operation, RateLimiter.Budget budget, Lane lane, HttpRequest request) {
        daily.spend(operation, lane);
        try {
            limiter.acquire(budget, lane);
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + ": no answer within "
                    + settings.requestTimeout().toMillis() + " ms", Optional.empty(), null);
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + ": connection failed ("
                    + e.getClass().getSimpleName() + ": " + errors.scrub(String.valueOf(e.getMessage())) + ")",
                    Optional.empty(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + ": interrupted while waiting",
                    Optional.empty(), null);
        }
    }

    private HttpRequest request(String method, String pathAndQuery, Optional<Object> body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json");
        if (body.isPresent()) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body.get())));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write HubSpot request body " + body.getClass().getSimpleName(), e);
        }
    }

    /** The headers describe the ten-secondly budget, whichever call they came with (search has none of its own). */
    private void observeLimits(HttpHeaders headers) {
        OptionalInt remaining = intHeader(headers, REMAINING);
        if (remaining.isPresent()) {
            limiter.observe(RateLimiter.Budget.BURST, remaining.getAsInt(), intHeader(headers, MAX).orElse(0));
        }
        intHeader(headers, DAILY_REMAINING).ifPresent(daily::observeRemaining);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 allows both). */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static OptionalInt intHeader(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
