package dev.orchestrator.adapter.persistence;

/** PostgreSQL text cannot hold NUL; anything that reaches a text column passes through here. */
final class Text {
    private Text() {
    }

    static String safe(String value) {
        if (value == null || value.indexOf('\0') < 0) {
            return value;
        }
        return value.replace("\0", "\\u0000");
    }
}
