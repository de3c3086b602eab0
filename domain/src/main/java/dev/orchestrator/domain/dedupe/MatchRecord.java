package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A record as the matcher sees it: every field already normalised once, so comparing a candidate costs
 * no parsing. A record with a first or last name is a person; otherwise it is a company.
 *
 * @param domains company domains (from domain, website, the name typed as a domain, and non-free-mail
 *                e-mail addresses)
 * @param emails  e-mail addresses, trimmed and lower case, as typed (typos included: they still compare)
 * @param phones  phone keys: E.164 when the number parsed, else its digits
 */
public record MatchRecord(String id, CompanyName company, Set<DomainKey> domains, Set<String> emails,
                          Optional<String> firstName, Optional<String> lastName, Set<String> phones,
                          Optional<String> city, Optional<String> country) {
    public MatchRecord {
        Require.notBlank("id", id);
        Require.present("company", company);
        // Insertion order is kept so evidence reads the same on every run.
        domains = ordered(domains);
        emails = ordered(emails);
        Require.present("firstName", firstName);
        Require.present("lastName", lastName);
        phones = ordered(phones);
        Require.present("city", city);
        Require.present("country", country);
    }

    private static <T> Set<T> ordered(Set<T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Require.present("values", values)));
    }

    public boolean isPerson() {
        return firstName.isPresent() || lastName.isPresent();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Normalises raw field values as they are added; blank values are unknown and simply skipped. */
    public static final class Builder {
        private final String id;
        private CompanyName company = CompanyName.NONE;
        private final Set<DomainKey> domains = new LinkedHashSet<>();
        private final Set<String> emails = new LinkedHashSet<>();
        private Optional<String> firstName = Optional.empty();
        private Optional<String> lastName = Optional.empty();
        private final Set<String> phones = new LinkedHashSet<>();
        private Optional<String> city = Optional.empty();
        private Optional<String> country = Optional.empty();

        private Builder(String id) {
            this.id = id;
        }

        public Builder companyName(String raw) {
            this.company = CompanyName.parse(raw);
            return this;
        }

        /** Adds a company domain; free-mail providers are dropped because they identify no company. */
        public Builder domain(DomainKey key) {
            if (!FreeMailProviders.isFreeMail(key)) {
                domains.add(key);
            }
            return this;
        }

        public Builder email(String raw) {
            if (raw != null && !raw.isBlank()) {
                emails.add(Text.fold(raw).replace(" ", ""));
            }
            return this;
        }

        public Builder personName(String first, String last) {
            this.firstName = personPart(first);
            this.lastName = personPart(last);
            return this;
        }

        public Builder phone(String key) {
            if (key != null && !key.isBlank()) {
                phones.add(key.strip());
            }
            return this;
        }

        public Builder city(String raw) {
            if (raw != null) {
                String folded = Text.spaced(Text.fold(raw), true);
                city = folded.isEmpty() ? Optional.empty() : Optional.of(folded);
            }
            return this;
        }

        public Builder country(String raw) {
            if (raw != null && !raw.isBlank()) {
                country = Optional.of(Countries.code(raw).orElse(Text.alnum(Text.fold(raw))));
            }
            return this;
        }

        public MatchRecord build() {
            return new MatchRecord(id, company, domains, emails, firstName, lastName, phones, city, country);
        }

        private static Optional<String> personPart(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            String folded = Text.alnum(Text.fold(raw));
            return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
        }
    }
}
