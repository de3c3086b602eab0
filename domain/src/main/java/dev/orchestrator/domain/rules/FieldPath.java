package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.classification.ClassificationField;
import dev.orchestrator.domain.shared.Require;
import java.util.Locale;

/**
 * A field a condition reads: a namespace (record, company, deal, score, owner, ai...) and, where needed, a name.
 * {@code ai.*} names are limited to the fields a classifier may propose, so a typo is refused when the ruleset
 * is read rather than silently reading "(missing)" forever.
 */
public record FieldPath(Namespace namespace, String name) {

    public enum Namespace {
        RECORD("record"), COMPANY("company"), DEAL("deal"), SCORE("score"), OWNER("owner"), STAGE("stage"),
        DAYS_SINCE_LAST_ACTIVITY("days_since_last_activity"), AI("ai");

        private final String prefix;

        Namespace(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static final java.util.Set<String> SCORE_FIELDS = java.util.Set.of("fit", "behavior", "total");
    public static final java.util.Set<String> OWNER_FIELDS =
            java.util.Set.of("id", "assigned", "active", "out_of_office", "open_leads");
    public static final java.util.Set<String> AI_FIELDS = ClassificationField.keys();

    public FieldPath {
        Require.present("namespace", namespace);
        Require.present("name", name);
        name = name.toLowerCase(Locale.ROOT);
        boolean bare = namespace == Namespace.STAGE || namespace == Namespace.DAYS_SINCE_LAST_ACTIVITY;
        Require.that(bare == name.isEmpty(), "name", bare ? "must be empty for " + namespace.prefix()
                : "must name a field of " + namespace.prefix());
        if (namespace == Namespace.SCORE) {
            Require.that(SCORE_FIELDS.contains(name), "name", "must be one of fit, behavior, total");
        }
        if (namespace == Namespace.OWNER) {
            Require.that(OWNER_FIELDS.contains(name), "name",
                    "must be one of id, assigned, active, out_of_office, open_leads");
        }
        if (namespace == Namespace.AI) {
            Require.that(AI_FIELDS.contains(name), "name", "must be one of " + aiFieldList());
        }
    }

    public String text() {
        return name.isEmpty() ? namespace.prefix() : namespace.prefix() + "." + name;
    }

    /** The {@code ai.*} fields as a sorted, comma-separated list for messages. */
    public static String aiFieldList() {
        return String.join(", ", new java.util.TreeSet<>(AI_FIELDS));
    }
}
