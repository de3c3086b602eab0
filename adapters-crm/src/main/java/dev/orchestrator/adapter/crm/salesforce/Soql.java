package dev.orchestrator.adapter.crm.salesforce;

/**
 * SOQL string literals. Emails may carry an apostrophe ({@code o'brien@example.com}); an unescaped one would end
 * the literal and let the rest of the value into the query.
 */
final class Soql {
    private Soql() {
    }

    static String quote(String value) {
        return "'" + escape(value) + "'";
    }

    /** A LIKE pattern matching the value anywhere: {@code %} and {@code _} in the value match only themselves. */
    static String quoteLike(String value) {
        return "'%" + escape(value).replace("%", "\\%").replace("_", "\\_") + "%'";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
