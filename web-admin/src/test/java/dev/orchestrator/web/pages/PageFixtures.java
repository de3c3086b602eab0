package dev.orchestrator.web.pages;

/** Payloads the pages' tests send. */
final class PageFixtures {
    private PageFixtures() {
    }

    static String lead(String email) {
        return "{\"id\":\"f-" + email.hashCode() + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + "\"lastName\":\"Doe\",\"company\":\"Acme Corporation\",\"phone\":\"+1 415 555 2671\","
                + "\"consent\":true}";
    }
}
