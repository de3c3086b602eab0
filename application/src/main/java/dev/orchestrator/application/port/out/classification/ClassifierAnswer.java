package dev.orchestrator.application.port.out.classification;

import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.shared.Require;
import java.time.Duration;
import java.util.Optional;

/** What a classifier answered: an accepted proposal, an answer we refused, or no answer at all. */
public sealed interface ClassifierAnswer
        permits ClassifierAnswer.Proposal, ClassifierAnswer.Discarded, ClassifierAnswer.Unavailable {

    /** The answer passed the schema and the taxonomy; {@code rawAnswer} is what the model said, for the trace. */
    record Proposal(ClassificationProposal proposal, String rawAnswer) implements ClassifierAnswer {
        public Proposal {
            Require.present("proposal", proposal);
            Require.present("rawAnswer", rawAnswer);
        }
    }

    /**
     * The model answered, but not inside the contract (invalid JSON, unknown enum, a number out of range, an extra
     * field): nothing of it is used; the reason and the raw answer are audited.
     */
    record Discarded(String reason, String rawAnswer) implements ClassifierAnswer {
        public Discarded {
            Require.notBlank("reason", reason);
            Require.present("rawAnswer", rawAnswer);
        }
    }

    /** No answer: a timeout, a rate limit, a provider error, refused credentials or the budget spent. */
    record Unavailable(Kind kind, String reason, Optional<Duration> retryAfter) implements ClassifierAnswer {
        public Unavailable {
            Require.present("kind", kind);
            Require.notBlank("reason", reason);
            Require.present("retryAfter", retryAfter);
        }

        public Unavailable(Kind kind, String reason) {
            this(kind, reason, Optional.empty());
        }
    }

    /** Why there was no answer, classified once as for every other provider (DESIGN.md, "Errors"). */
    enum Kind {
        TIMEOUT(true), RATE_LIMITED(true), PROVIDER_ERROR(true), NETWORK(true), BUDGET_EXHAUSTED(false),
        REJECTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Worth asking again later; a rejection (bad key, missing scope) needs a person, so it alerts instead. */
        public boolean retryable() {
            return retryable;
        }
    }
}
