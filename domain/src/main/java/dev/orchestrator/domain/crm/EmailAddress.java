package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, kept in its canonical form (trimmed, lower case) because that form
 * is the exact-match key for dedupe and CRM search.
 */
public record EmailAddress(String value) {
    // Pragmatic RFC 5322 subset: what real forms submit and CRMs accept; no quoted local parts, no IP literals.
    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public EmailAddress {
        Require.notBlank("email", value);
        Require.that(value.length() <= 254, "email", "must be at most 254 characters");
        Require.that(SHAPE.matcher(value).matches(), "email", "is not a valid email address");
    }

    /** Parses what a form sent: surrounding whitespace and case do not make a different person. */
    public static EmailAddress parse(String raw) {
        if (raw == null) {
            throw new DomainViolation("email", "is required");
        }
        return new EmailAddress(raw.strip().toLowerCase(Locale.ROOT));
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
