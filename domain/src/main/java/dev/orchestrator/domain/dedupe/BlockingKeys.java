package dev.orchestrator.domain.dedupe;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a record is indexed under. Every kind of variation the matcher forgives must leave at least one
 * key in common, or the pair is never compared: a typo keeps a prefix or a suffix, a country variant keeps
 * the domain label, a swapped name keeps the sorted name pair. A company is also indexed under its name; a person
 * under its names, e-mail, phone, city and the domains of its employer.
 */
public final class BlockingKeys {
    // Words too common in company names to narrow anything down.
    private static final Set<String> COMMON_WORDS = Set.of(
            "and", "the", "of", "for", "de", "la", "del", "group", "international", "technology", "service",
            "solution", "system", "global", "company", "national", "american", "holding", "partner", "associate",
            "management", "consulting", "network", "software", "data", "media", "capital", "financial",
            "insurance", "health", "center", "energy", "research", "institute", "association", "foundation",
            "development", "digital", "labs", "lab", "one", "new", "first", "united", "general", "industry",
            "enterprise", "product", "public", "school", "care", "child", "family", "community", "chicago");

    private BlockingKeys() {
    }

    public static Set<BlockingKey> of(MatchRecord r) {
        Set<BlockingKey> keys = new LinkedHashSet<>();
        for (String email : r.emails()) {
            keys.add(new BlockingKey(BlockingKey.Type.EMAIL, email));
            int at = email.indexOf('@');
            if (at >= 4) {
                keys.add(new BlockingKey(BlockingKey.Type.EMAIL_LOCAL, email.substring(0, at)));
            }
            String letters = Text.alnum(email);
            if (letters.length() >= 10) {
                keys.add(new BlockingKey(BlockingKey.Type.EMAIL_END, "^" + letters.substring(0, 6)));
                keys.add(new BlockingKey(BlockingKey.Type.EMAIL_END, letters.substring(letters.length() - 6) + "$"));
            }
        }
        for (String phone : r.phones()) {
            keys.add(new BlockingKey(BlockingKey.Type.PHONE, phoneTail(phone)));
        }
        if (r.isPerson()) {
            personKeys(r, keys);
        }
        for (DomainKey d : r.domains()) {
            keys.add(new BlockingKey(BlockingKey.Type.DOMAIN, d.registrable()));
            identKeys(d.compactLabel(), keys);
        }
        // A person's employer counts through its domain only (the person rules compare no company names), so a
        // person is not indexed under its company's name: those keys added as candidates only people linked to the
        // lead by nothing but a company name written alike, and every person at a company crowded them for the
        // company itself.
        CompanyName name = r.company();
        if (!r.isPerson() && !name.isEmpty()) {
            identKeys(name.compact(), keys);
            if (!name.acronym().isEmpty()) {
                keys.add(new BlockingKey(BlockingKey.Type.IDENT, name.acronym()));
            }
            for (String alias : name.aliases()) {
                keys.add(new BlockingKey(BlockingKey.Type.IDENT, alias));
            }
            for (String word : name.tokens()) {
                if (word.length() >= 3 && !COMMON_WORDS.contains(word)) {
                    keys.add(new BlockingKey(BlockingKey.Type.NAME_WORD, word));
                }
            }
        }
        return keys;
    }

    private static void identKeys(String ident, Set<BlockingKey> keys) {
        if (ident.length() < 2) {
            return;
        }
        keys.add(new BlockingKey(BlockingKey.Type.IDENT, ident));
        if (ident.length() >= 6) {
            keys.add(new BlockingKey(BlockingKey.Type.IDENT_PREFIX, ident.substring(0, 5)));
            keys.add(new BlockingKey(BlockingKey.Type.IDENT_SUFFIX, ident.substring(ident.length() - 5)));
        }
    }

    private static void personKeys(MatchRecord r, Set<BlockingKey> keys) {
        // A nickname is indexed under its formal names too, so Bob meets Robert.
        Set<String> firsts = new LinkedHashSet<>();
        r.firstName().ifPresent(f -> Nicknames.formalNames(f).forEach(name -> firsts.add(head(name))));
        Optional<String> last = r.lastName().map(BlockingKeys::head);
        if (last.isPresent()) {
            String b = last.get();
            for (String a : firsts) {
                String pair = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
                keys.add(new BlockingKey(BlockingKey.Type.PERSON_NAMES, pair));
                keys.add(new BlockingKey(BlockingKey.Type.PERSON_NAMES, a + "|" + b.charAt(0)));
                keys.add(new BlockingKey(BlockingKey.Type.PERSON_NAMES, b + "|" + a.charAt(0)));
            }
        }
        Optional<String> city = r.city().map(c -> head(Text.alnum(c)));
        if (city.isPresent()) {
            for (String a : firsts) {
                keys.add(new BlockingKey(BlockingKey.Type.PERSON_NAME_CITY, a + "|" + city.get()));
            }
            last.ifPresent(l -> keys.add(new BlockingKey(BlockingKey.Type.PERSON_NAME_CITY, l + "|" + city.get())));
        }
    }

    private static String head(String s) {
        return s.length() <= 3 ? s : s.substring(0, 3);
    }

    /** The last seven digits: what survives every way of writing country, trunk and area prefixes. */
    private static String phoneTail(String phone) {
        String digits = Text.digits(phone);
        return digits.length() <= 7 ? digits : digits.substring(digits.length() - 7);
    }
}
