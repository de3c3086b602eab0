package dev.orchestrator.domain.merge;

import dev.orchestrator.domain.shared.Require;
import java.util.Arrays;
import java.util.Locale;

/** The rule one field is merged by, as configured in the priority matrix. */
public record FieldMergeRule(String field, Strategy strategy) {

    public enum Strategy {
        /** The more trusted source wins; between equals, the newer value. */
        SOURCE_PRIORITY,
        /** The newer value wins whoever said it. */
        NEWEST_WINS,
        /** Filled when empty, never changed afterwards (the owner: reassigning is a person's decision). */
        NEVER_OVERWRITE,
        /** The offered value always replaces the current one (a provider trusted to keep it fresh). */
        TRUSTED_REFRESH;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Strategy fromKey(String key) {
            return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new dev.orchestrator.domain.shared.DomainViolation("rule",
                            "must be one of source-priority, newest-wins, never-overwrite, trusted-refresh, not '"
                                    + key + "'"));
        }
    }

    public FieldMergeRule {
        Require.notBlank("field", field);
        Require.present("strategy", strategy);
    }
}
