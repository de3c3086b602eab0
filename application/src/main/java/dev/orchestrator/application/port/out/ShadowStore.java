package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ruleset attached in shadow (at most one, shared by every instance) and the differences it would have made on
 * live events. Nothing here is ever acted on.
 */
public interface ShadowStore {
    /** Attaches {@code attachment}, replacing any ruleset in shadow. */
    void attach(Attachment attachment);

    Optional<Attachment> attached();

    /** Detaches the ruleset in shadow, if any; its recorded differences stay. */
    void detach();

    /** Records one difference; the same event, contact and shadow version again is a no-op (a retried event). */
    void record(Difference difference);

    /** The latest differences recorded under {@code shadowVersion}, newest first. */
    List<Difference> recent(String shadowVersion, int limit);

    /** How many differences were recorded under {@code shadowVersion}. */
    int count(String shadowVersion);

    /** The file attached in shadow, its version, and who attached it when. */
    record Attachment(String file, String version, Optional<String> label, String attachedBy, Instant attachedAt) {
        public Attachment {
            Require.notBlank("file", file);
            Require.notBlank("version", version);
            Require.present("label", label);
            Require.notBlank("attachedBy", attachedBy);
            Require.present("attachedAt", attachedAt);
        }
    }

    /**
     * What the shadow ruleset would have decided otherwise for one contact on one live event: both stages, owners
     * ({@code queue:NAME} or {@code (none)} when not an owner) and scores, the first rule where they part, and a
     * line that says how.
     */
    record Difference(Instant at, UUID eventId, String contactId, String activeVersion, String shadowVersion,
            String activeStage, String shadowStage, String activeOwner, String shadowOwner, int activeFit,
            int shadowFit, int activeBehavior, int shadowBehavior, String firstRule, String detail) {
        public Difference {
            Require.present("at", at);
            Require.present("eventId", eventId);
            Require.notBlank("contactId", contactId);
            Require.notBlank("activeVersion", activeVersion);
            Require.notBlank("shadowVersion", shadowVersion);
            Require.notBlank("firstRule", firstRule);
            Require.present("detail", detail);
        }
    }
}
