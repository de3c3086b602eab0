package dev.orchestrator.web.pages;

/** Payloads the pages' tests send. */
final class PageFixtures {
    private PageFixtures() {
    }

    static String lead(String email) {
        return "{\"id\":\"f-" + email.hashCode() + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + personOf(email) + ",\"company\":\"Acme Corporation\","
                + "\"consent\":true}";
    }

    /**
     * Each address is its own person (a surname and phone of its own): leads that shared one name and phone at one
     * company would be the same person to the pipeline's person dedupe.
     */
    static String personOf(String email) {
        // Letters spelled from the address's hash, so two addresses get surnames far more than a typo apart.
        StringBuilder last = new StringBuilder();
        for (char c : Integer.toHexString(email.hashCode()).toCharArray()) {
            last.append((char) ('a' + Character.digit(c, 16)));
        }
        last.setCharAt(0, Character.toUpperCase(last.charAt(0)));
        return "\"lastName\":\"" + last + "\",\"phone\":\"" + String.format(java.util.Locale.ROOT,
                "+1 415 555 %04d", Math.floorMod(email.hashCode(), 10000)) + "\"";
    }
}
