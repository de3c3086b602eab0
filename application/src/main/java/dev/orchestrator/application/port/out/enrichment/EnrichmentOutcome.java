package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.time.Duration;
import java.util.Optional;

/** What one provider said about one domain. */
public sealed interface EnrichmentOutcome {
    String provider();

    /** The provider knows the company; {@code response} is its raw answer, kept for the audit. */
    record Found(String provider, Firmographics firmographics, RawResponse response) implements EnrichmentOutcome {
        public Found {
            Require.notBlank("provider", provider);
            Require.present("firmographics", firmographics);
            Require.present("response", response);
        }
    }

    /** The provider looked and has no such company. */
    record NotFound(String provider, RawResponse response) implements EnrichmentOutcome {
        public NotFound {
            Require.notBlank("provider", provider);
            Require.present("response", response);
        }
    }

    /** The provider queued the lookup (Clearbit's 202): ask again later, nothing to cache yet. */
    record Pending(String provider, Optional<Duration> askAgainAfter, RawResponse response)
            implements EnrichmentOutcome {
        public Pending {
            Require.notBlank("provider", provider);
            Require.present("askAgainAfter", askAgainAfter);
            Require.present("response", response);
        }
    }

    /** The call did not produce an answer; {@link FailureKind#retryable()} says whether trying later can help. */
    record Failed(String provider, FailureKind kind, String reason, Optional<Duration> retryAfter,
            Optional<RawResponse> response) implements EnrichmentOutcome {
        public Failed {
            Require.notBlank("provider", provider);
            Require.present("kind", kind);
            Require.notBlank("reason", reason);
            Require.present("retryAfter", retryAfter);
            Require.present("response", response);
        }

        public boolean retryable() {
            return kind.retryable();
        }
    }

    enum FailureKind {
        /** No answer within the provider's timeout. */
        TIMEOUT(true),
        /** 429: the provider asked us to slow down. */
        RATE_LIMITED(true),
        /** 5xx or a network error. */
        UNAVAILABLE(true),
        /** 401/403: the key is wrong or lacks access; an operator must act. */
        UNAUTHORIZED(false),
        /** 4xx other than the above (e.g. 422 for a domain the provider will not look up). */
        REJECTED(false),
        /** A body we could not read; retrying gets the same body. */
        MALFORMED_RESPONSE(false),
        /** Not called: switched off, over its daily budget, cooling down after a 429, or unhealthy. */
        SKIPPED(false);

        private final boolean retryable;

        FailureKind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
