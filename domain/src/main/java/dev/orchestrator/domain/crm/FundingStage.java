package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Locale;
import java.util.Optional;

/** How a company is financed, at the granularity sales segmentation uses. */
public enum FundingStage {
    BOOTSTRAPPED,
    ANGEL,
    SEED,
    SERIES_A,
    SERIES_B,
    SERIES_C,
    SERIES_D_PLUS,
    VENTURE_UNDISCLOSED,
    PRIVATE_EQUITY,
    DEBT,
    PUBLIC,
    ACQUIRED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FundingStage fromKey(String key) {
        for (FundingStage stage : values()) {
            if (stage.key().equals(key)) {
                return stage;
            }
        }
        throw new DomainViolation("fundingStage", "unknown funding stage '" + key + "'");
    }

    /**
     * Reads a provider's display label ("Series B", "Post-IPO Equity", "Pre Seed"); empty for labels that say
     * nothing about the stage ("Other", "Grant"), so a later provider may still fill it.
     */
    public static Optional<FundingStage> fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String text = label.toLowerCase(Locale.ROOT).strip().replace('_', ' ').replace('-', ' ');
        if (text.startsWith("series ")) {
            return Optional.of(seriesRound(text.substring("series ".length()).strip()));
        }
        if (text.contains("ipo") || text.equals("public")) {
            return Optional.of(PUBLIC);
        }
        if (text.contains("pre seed") || text.contains("angel")) {
            return Optional.of(ANGEL);
        }
        if (text.contains("seed")) {
            return Optional.of(SEED);
        }
        if (text.contains("private equity")) {
            return Optional.of(PRIVATE_EQUITY);
        }
        if (text.contains("debt")) {
            return Optional.of(DEBT);
        }
        if (text.contains("acqui")) {
            return Optional.of(ACQUIRED);
        }
        if (text.contains("bootstrap") || text.contains("self funded")) {
            return Optional.of(BOOTSTRAPPED);
        }
        if (text.equals("venture") || text.contains("venture round")) {
            return Optional.of(VENTURE_UNDISCLOSED);
        }
        for (FundingStage stage : values()) {
            if (stage.key().equals(text.replace(' ', '_'))) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    private static FundingStage seriesRound(String round) {
        switch (round) {
            case "a":
                return SERIES_A;
            case "b":
                return SERIES_B;
            case "c":
                return SERIES_C;
            case "unknown":
            case "":
                return VENTURE_UNDISCLOSED;
            default:
                return round.length() == 1 && round.charAt(0) > 'c' && round.charAt(0) <= 'z' ? SERIES_D_PLUS
                        : VENTURE_UNDISCLOSED;
        }
    }
}
