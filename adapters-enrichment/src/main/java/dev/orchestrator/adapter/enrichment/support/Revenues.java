package dev.orchestrator.adapter.enrichment.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.RevenueRange;
import java.util.Optional;

/**
 * Revenue as providers give it: an annual figure in USD when they have one, else only a printed band
 * ({@code "$10M-$50M"}), which we read from its lower bound and believe less.
 */
public final class Revenues {
    private Revenues() {
    }

    public static Optional<Sourced<RevenueRange>> figureOrPrinted(JsonNode figure, String printed, String provider,
            double figureConfidence, double printedConfidence) {
        if (figure.isNumber()) {
            return Optional.of(Sourced.of(RevenueRange.ofAnnualUsd(figure.longValue()), provider, figureConfidence));
        }
        return Amounts.lowerBound(printed)
                .map(usd -> Sourced.of(RevenueRange.ofAnnualUsd(usd), provider, printedConfidence));
    }
}
