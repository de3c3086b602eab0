package dev.orchestrator.domain.merge;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;

/**
 * One value of a field with where it came from: the source (a name in the policy's ranking, e.g. {@code crm-user},
 * {@code form}, {@code enrichment}), when that source said it, and how much it is to be believed (0..1; people
 * and forms are 1). {@code detail} names the provider or the CRM for the audit line.
 */
public record FieldValue(String value, String source, String detail, Instant at, double confidence) {
    public FieldValue {
        Require.notBlank("value", value);
        Require.notBlank("source", source);
        Require.present("detail", detail);
        Require.present("at", at);
        Require.between("confidence", confidence, 0.0, 1.0);
    }

    /** A value a person or a form gave: fully believed, no provider. */
    public static FieldValue of(String value, String source, Instant at) {
        return new FieldValue(value, source, "", at, 1.0);
    }

    /** What the audit prints: {@code 240 (enrichment clearbit, confidence 0.90)}. */
    public String describe() {
        String who = detail.isEmpty() ? source : source + " " + detail;
        return confidence >= 1.0 ? value + " (" + who + ")"
                : value + " (" + who + ", confidence " + String.format(java.util.Locale.ROOT, "%.2f", confidence)
                        + ")";
    }
}
