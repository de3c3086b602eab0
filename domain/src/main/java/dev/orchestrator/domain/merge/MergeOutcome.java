package dev.orchestrator.domain.merge;

import dev.orchestrator.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the merge policy decided for one field, with the rule that decided and why in words: each outcome is a
 * line of the audit (field, before, after, rule).
 */
public sealed interface MergeOutcome {
    String field();

    Optional<FieldValue> current();

    FieldValue offered();

    /** The rule that decided: {@code fill-empty}, {@code source-priority}, {@code never-overwrite}, … */
    String rule();

    /** Why, in words: "crm-user outranks enrichment". */
    String explanation();

    /** The value the record holds after the merge. */
    FieldValue result();

    default boolean changes() {
        return this instanceof Apply;
    }

    /** Audit evidence: field, before, after, rule and why, the offered value's source, detail and confidence. */
    default Map<String, String> evidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("field", field());
        evidence.put("before", current().map(FieldValue::value).orElse(""));
        evidence.put("after", result().value());
        evidence.put("offered", offered().describe());
        evidence.put("rule", rule());
        evidence.put("why", explanation());
        evidence.put("source", offered().source());
        evidence.put("provider", offered().detail());
        evidence.put("confidence", String.format(java.util.Locale.ROOT, "%.2f", offered().confidence()));
        return evidence;
    }

    /** The offered value replaces (or fills) the field. */
    record Apply(String field, Optional<FieldValue> current, FieldValue offered, String rule, String explanation)
            implements MergeOutcome {
        public Apply {
            Require.notBlank("field", field);
            Require.present("current", current);
            Require.present("offered", offered);
            Require.notBlank("rule", rule);
            Require.notBlank("explanation", explanation);
        }

        @Override
        public FieldValue result() {
            return offered;
        }
    }

    /** The field keeps what it holds; the offered value is only recorded. */
    record Keep(String field, Optional<FieldValue> current, FieldValue offered, String rule, String explanation)
            implements MergeOutcome {
        public Keep {
            Require.notBlank("field", field);
            Require.present("current", current);
            Require.present("offered", offered);
            Require.notBlank("rule", rule);
            Require.notBlank("explanation", explanation);
        }

        /** The current value, or (nothing held and nothing taken) the empty field stays empty. */
        @Override
        public FieldValue result() {
            return current.orElse(offered);
        }
    }
}
