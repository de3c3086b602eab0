package dev.orchestrator.application.port.out.crm;

import java.util.Locale;

/** The fields a backfill may rewrite, named independently of any CRM's property names. */
public enum RecordField {
    PHONE, COUNTRY, INDUSTRY, OWNER, EMAIL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordField fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
