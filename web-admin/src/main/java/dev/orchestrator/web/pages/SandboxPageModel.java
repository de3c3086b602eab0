package dev.orchestrator.web.pages;

import java.util.List;

/**
 * The sandbox page: the file being edited, the last result (a dry-run table or the fixtures' report), an error,
 * the days of stored events a dry run replays (empty: the seeded sandbox), a notice after a change of the rules in
 * force, and shadow mode's state with the differences it recorded.
 */
public record SandboxPageModel(String ruleset, String result, String error, int errorLine, String days,
        String notice, Shadow shadow, boolean mayAdminister) {

    public SandboxPageModel {
        days = days == null ? "" : days;
    }

    /** The active version, the ruleset in shadow (empty version: none), and its latest differences. */
    public record Shadow(String activeVersion, String activeLabel, String version, String label, String attachedBy,
            String attachedAt, int differenceCount, List<DifferenceRow> differences) {
        public Shadow {
            differences = List.copyOf(differences);
        }

        public boolean attached() {
            return !version.isEmpty();
        }
    }

    /** One recorded difference: what the active ruleset decided, what the shadow one would have. */
    public record DifferenceRow(String at, String eventId, String contactId, String active, String shadow,
            String firstRule, String detail) {
    }
}
