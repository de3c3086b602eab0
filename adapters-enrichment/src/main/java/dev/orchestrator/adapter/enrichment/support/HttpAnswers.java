package dev.orchestrator.adapter.enrichment.support;

import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.RawResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP answers every provider gives the same way (rate limits, bad keys, outages, network errors), classified
 * once so each adapter only maps the answers that are its own (Clearbit's 202, Apollo's empty organization).
 */
public final class HttpAnswers {
    private HttpAnswers() {
    }

    /** A sent request: either the response, or the failure that stood in for it. */
    public sealed interface Exchange permits Answered, Unanswered {
    }

    public record Answered(HttpResponse<String> response) implements Exchange {
    }

    public record Unanswered(Failed failure) implements Exchange {
    }

    public static Exchange send(HttpClient http, HttpRequest request, String provider) {
        try {
            return new Answered(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            return new Unanswered(new Failed(provider, FailureKind.TIMEOUT, "no answer within "
                    + request.timeout().map(Duration::toString).orElse("the client timeout"), Optional.empty(),
                    Optional.empty()));
        } catch (IOException e) {
            return new Unanswered(new Failed(provider, FailureKind.UNAVAILABLE,
                    "network error: " + e.getClass().getSimpleName()
                            + Optional.ofNullable(e.getMessage()).map(m -> " " + m).orElse(""),
                    Optional.empty(), Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unanswered(new Failed(provider, FailureKind.TIMEOUT, "interrupted while waiting",
                    Optional.empty(), Optional.empty()));
        }
    }

    /** Classifies an answer the adapter did not expect; status codes follow the providers' documented meanings. */
    public static Failed unexpected(String provider, HttpResponse<String> response, Clock clock) {
        int status = response.statusCode();
        RawResponse raw = raw(response);
        if (status == 429) {
            return new Failed(provider, FailureKind.RATE_LIMITED, "rate limited (429)",
                    retryAfter(response.headers(), clock), Optional.of(raw));
        }
        if (status == 401 || status == 403) {
            return new Failed(provider, FailureKind.UNAUTHORIZED,
                    "the API key was refused (" + status + ")", Optional.empty(), Optional.of(raw));
        }
        if (status >= 500) {
            return new Failed(provider, FailureKind.UNAVAILABLE, "provider error (" + status + ")",
                    retryAfter(response.headers(), clock), Optional.of(raw));
        }
        return new Failed(provider, FailureKind.REJECTED, "request rejected (" + status + ")", Optional.empty(),
                Optional.of(raw));
    }

    public static Failed malformed(String provider, HttpResponse<String> response, String why) {
        return new Failed(provider, FailureKind.MALFORMED_RESPONSE, "unreadable body: " + why, Optional.empty(),
                Optional.of(raw(response)));
    }

    public static RawResponse raw(HttpResponse<String> response) {
        return new RawResponse(response.statusCode(), Optional.ofNullable(response.body()).orElse(""));
    }

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110), else the {@code X-RateLimit-Reset} epoch
     * seconds some providers send instead.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::strip);
        if (retryAfter.isPresent()) {
            String value = retryAfter.get();
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return headers.firstValue("X-RateLimit-Reset").map(String::strip)
                .filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit))
                .map(v -> nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(v)))));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
