package dev.orchestrator.domain.dedupe;

/** Fixture builders with defaults: a company or a person record, fields added only when a test names them. */
final class MatchRecords {
    private static int next = 1;

    private MatchRecords() {
    }

    static Fixture aCompany(String name) {
        return new Fixture().companyName(name);
    }

    static Fixture aPerson(String first, String last) {
        return new Fixture().person(first, last);
    }

    static final class Fixture {
        private final MatchRecord.Builder builder = MatchRecord.builder("r" + next++);

        Fixture companyName(String name) {
            builder.companyName(name);
            return this;
        }

        Fixture person(String first, String last) {
            builder.personName(first, last);
            return this;
        }

        Fixture domain(String host) {
            builder.domain(TestDomains.key(host));
            return this;
        }

        /** An e-mail address; its domain counts as the company's unless it is a free-mail provider. */
        Fixture email(String address) {
            builder.email(address);
            builder.domain(TestDomains.key(address.substring(address.indexOf('@') + 1)));
            return this;
        }

        Fixture phone(String key) {
            builder.phone(key);
            return this;
        }

        Fixture city(String city) {
            builder.city(city);
            return this;
        }

        Fixture country(String country) {
            builder.country(country);
            return this;
        }

        MatchRecord build() {
            return builder.build();
        }
    }
}
