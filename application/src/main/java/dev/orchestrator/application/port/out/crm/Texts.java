package dev.orchestrator.application.port.out.crm;

/** Unset CRM values are empty strings at this boundary, never null. */
final class Texts {
    private Texts() {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
