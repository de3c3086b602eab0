package dev.orchestrator.adapter.notify;

import dev.orchestrator.application.outbound.OutboundUrlPolicy;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One POST and the reading of its answer, shared by Slack and signed webhooks: the URL is checked against the
 * outbound policy before every call (no SSRF through a configured URL), 2xx is success, and everything else is
 * classified once: 429, 408 and 5xx (and no answer at all) retry, honouring {@code Retry-After} in seconds or
 * as an HTTP date; 401, 403, 404 and 410 alert (the credentials or the endpoint are wrong for every message);
 * any other answer, 3xx included, is a message the receiver refused and goes to review.
 */
final class HttpDelivery {
    static final int MAX_BODY = 2000;
    private final HttpClient http;
    private final OutboundUrlPolicy policy;
    private final Duration timeout;
    private final Clock clock;

    HttpDelivery(HttpClient http, OutboundUrlPolicy policy, Duration timeout, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** POSTs the body; returns on 2xx, throws a classified {@link DeliveryFailure} otherwise. */
    void post(String channel, URI url, byte[] body, String... headers) {
        if (policy.check(url.toString()) instanceof OutboundUrlPolicy.Refused refused) {
            throw new DeliveryFailure(DeliveryFailure.Kind.ALERT, channel, 0,
                    "URL refused by the outbound policy: " + refused.reason(), Optional.empty(), null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, channel, 0, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, channel, 0, "interrupted", Optional.empty(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String answer = cut(response.body());
        throw new DeliveryFailure(kind(status), channel, status, answer,
                response.headers().firstValue("Retry-After").flatMap(this::retryAfter), null);
    }

    static DeliveryFailure.Kind kind(int status) {
        if (status == 429 || status == 408 || status >= 500) {
            return DeliveryFailure.Kind.RETRYABLE;
        }
        if (status == 401 || status == 403 || status == 404 || status == 410) {
            return DeliveryFailure.Kind.ALERT;
        }
        return DeliveryFailure.Kind.REVIEW;
    }

    Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String cut(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "…";
    }
}
