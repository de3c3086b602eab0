package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;

/** A field a condition reads: a namespace (record, company, deal, score, owner...) and, where needed, a name. */
public record FieldPath(Namespace namespace, String name) {

    public enum Namespace {
        RECORD("record"), COMPANY("company"), DEAL("deal"), SCORE("score"), OWNER("owner"), STAGE("stage"),
        DAYS_SINCE_LAST_ACTIVITY("days_since_last_activity");

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
    }

    public String text() {
        return name.isEmpty() ? namespace.prefix() : namespace.prefix() + "." + name;
    }
}
