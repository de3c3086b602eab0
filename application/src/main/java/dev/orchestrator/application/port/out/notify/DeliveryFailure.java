package dev.orchestrator.application.port.out.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * An outbound notification (Slack, a signed webhook) that was not accepted, classified once by the adapter that
 * understood the answer, in the error policy's three words: retry later (429, 5xx, timeouts), review (the
 * receiver refused this message), or alert an operator (the credentials or the endpoint are wrong for every
 * message: 401, 403, 404, {@code invalid_token}, {@code no_service}).
 */
public final class DeliveryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { RETRYABLE, REVIEW, ALERT }

    private final Kind kind;
    private final String channel;
    private final int status;
    private final String body;
    private final transient Optional<Duration> retryAfter;

    public DeliveryFailure(Kind kind, String channel, int status, String body, Optional<Duration> retryAfter,
            Throwable cause) {
        super(channel + (status > 0 ? " answered " + status : " unreachable") + (body.isBlank() ? "" : ": " + body),
                cause);
        this.kind = kind;
        this.channel = channel;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code slack}, {@code webhook:sequence}, …: where the alert belongs. */
    public String channel() {
        return channel;
    }

    /** The HTTP status, or 0 when no answer came (timeout, refused connection). */
    public int status() {
        return status;
    }

    /** The receiver's error body, cut to a readable length. */
    public String body() {
        return body;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** A short class for grouping dead letters: {@code slack:500}, {@code webhook:sequence:timeout}. */
    public String errorClass() {
        return channel + ":" + (status > 0 ? Integer.toString(status) : "unreachable");
    }
}
