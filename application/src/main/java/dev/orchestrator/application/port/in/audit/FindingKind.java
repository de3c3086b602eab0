package dev.orchestrator.application.port.in.audit;

import java.util.Locale;

/** What a data-quality audit looks for; {@code population} is what the percentage is taken of. */
public enum FindingKind {
    DUPLICATE_CONTACT("Duplicate contacts", Population.CONTACTS),
    DUPLICATE_COMPANY("Duplicate companies", Population.COMPANIES),
    INVALID_EMAIL("Invalid emails", Population.CONTACTS),
    FREE_MAIL_EMAIL("Free-mail emails", Population.CONTACTS),
    UNPARSEABLE_PHONE("Unparseable phones", Population.CONTACTS),
    PHONE_NOT_E164("Phones not in E.164", Population.CONTACTS),
    NON_STANDARD_COUNTRY("Non-standard countries", Population.ALL_RECORDS),
    NON_STANDARD_INDUSTRY("Industries outside the taxonomy", Population.COMPANIES),
    COMPANY_WITHOUT_DOMAIN("Companies without a domain", Population.COMPANIES),
    CONTACT_WITHOUT_COMPANY("Contacts without a company", Population.CONTACTS),
    CONTACT_WITHOUT_OWNER("Contacts without an owner", Population.CONTACTS),
    INACTIVE_OWNER("Records held by inactive owners", Population.ALL_RECORDS),
    STAGE_ANOMALY("Stage anomalies", Population.CONTACTS);

    /** The records a finding's percentage is counted against. */
    public enum Population { CONTACTS, COMPANIES, ALL_RECORDS }

    private final String title;
    private final Population population;

    FindingKind(String title, Population population) {
        this.title = title;
        this.population = population;
    }

    public String title() {
        return title;
    }

    public Population population() {
        return population;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
