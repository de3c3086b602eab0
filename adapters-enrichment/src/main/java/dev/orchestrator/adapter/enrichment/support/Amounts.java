package dev.orchestrator.adapter.enrichment.support;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Reads the printed money and head-count figures providers use ("$10M-$50M", "251.2M", "51-250", "10K+"). */
public final class Amounts {
    private Amounts() {
    }

    /** The lower bound of a printed amount or range; {@code "$10M-$50M"} → 10,000,000. */
    public static Optional<Long> lowerBound(String printed) {
        if (printed == null || printed.isBlank()) {
            return Optional.empty();
        }
        String first = printed.strip().split("-", 2)[0].replace("$", "").replace("+", "").replace(",", "").strip()
                .toUpperCase(Locale.ROOT);
        return scaled(first);
    }

    /** The middle of a printed range, for head counts reported only as a band; {@code "51-250"} → 150. */
    public static Optional<Long> midpoint(String printed) {
        if (printed == null || printed.isBlank()) {
            return Optional.empty();
        }
        String[] parts = printed.replace(",", "").replace("+", "").split("-", 2);
        Optional<Long> low = scaled(parts[0].strip().toUpperCase(Locale.ROOT));
        if (parts.length == 1) {
            return low;
        }
        Optional<Long> high = scaled(parts[1].strip().toUpperCase(Locale.ROOT));
        return low.flatMap(l -> high.map(h -> (l + h) / 2));
    }

    private static Optional<Long> scaled(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long factor = 1;
        char unit = text.charAt(text.length() - 1);
        if (unit == 'K' || unit == 'M' || unit == 'B' || unit == 'T') {
            factor = unit == 'K' ? 1_000L : unit == 'M' ? 1_000_000L : unit == 'B' ? 1_000_000_000L
                    : 1_000_000_000_000L;
            text = text.substring(0, text.length() - 1);
        }
        try {
            return Optional.of(new BigDecimal(text).multiply(BigDecimal.valueOf(factor)).longValue());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
