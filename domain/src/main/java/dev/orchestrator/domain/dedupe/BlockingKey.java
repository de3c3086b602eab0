package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;

/**
 * One key a record is indexed under; records sharing a key are candidates for comparison. Shaped as a
 * (type, value) row so an identity index can store (key_type, key_value, record id).
 */
public record BlockingKey(Type type, String value) {
    public enum Type {
        /** A whole e-mail address. */
        EMAIL,
        /** The mailbox name of an e-mail address (survives a change of provider). */
        EMAIL_LOCAL,
        /** The first or last six letters and digits of an e-mail address (a typo at the other end). */
        EMAIL_END,
        /** A registrable domain. */
        DOMAIN,
        /** A compact identifier: a normalised company name, a domain label, an acronym or a bracketed alias. */
        IDENT,
        /** The first five characters of an identifier (typos late in the word). */
        IDENT_PREFIX,
        /** The last five characters of an identifier (typos early in the word, "getacme"). */
        IDENT_SUFFIX,
        /** One distinctive word of a company name. */
        NAME_WORD,
        /** A phone key. */
        PHONE,
        /**
         * First three letters of both person names in alphabetical order, and each name's first three letters
         * with the other's initial (a typo late in either name, or a first/last swap, keeps one of them).
         */
        PERSON_NAMES,
        /** First three letters of one person name and of the city. */
        PERSON_NAME_CITY
    }

    public BlockingKey {
        Require.present("type", type);
        Require.notBlank("value", value);
    }
}
