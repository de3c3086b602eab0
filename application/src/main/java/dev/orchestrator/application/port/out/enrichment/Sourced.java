package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;

/**
 * One enriched value with where it came from and how much the provider's answer is to be believed (0..1), so the
 * merge policy and the audit can say "employees 240, from clearbit, confidence 0.9".
 */
public record Sourced<T>(T value, String provider, double confidence) {
    public Sourced {
        Require.present("value", value);
        Require.notBlank("provider", provider);
        Require.between("confidence", confidence, 0.0, 1.0);
    }

    public static <T> Sourced<T> of(T value, String provider, double confidence) {
        return new Sourced<>(value, provider, confidence);
    }
}
