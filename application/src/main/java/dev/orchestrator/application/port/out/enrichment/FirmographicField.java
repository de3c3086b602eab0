package dev.orchestrator.application.port.out.enrichment;

import java.util.Locale;

/** The fields enrichment fills; the waterfall asks the next provider only for those still missing. */
public enum FirmographicField {
    EMPLOYEES, INDUSTRY, REVENUE_RANGE, FUNDING_STAGE, HEADQUARTERS, TECHNOLOGIES;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
