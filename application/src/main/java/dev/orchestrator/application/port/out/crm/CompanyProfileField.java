package dev.orchestrator.application.port.out.crm;

import java.util.Locale;

/** The company properties enrichment writes to the CRM; {@link #key()} is the field's name in the merge policy. */
public enum CompanyProfileField {
    INDUSTRY, EMPLOYEES, COUNTRY, STATE, REVENUE_RANGE, FUNDING_STAGE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
