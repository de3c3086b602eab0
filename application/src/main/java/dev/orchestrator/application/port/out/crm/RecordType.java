package dev.orchestrator.application.port.out.crm;

import java.util.Locale;

/** The CRM objects a backfill fixes. */
public enum RecordType {
    CONTACT, COMPANY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
