package dev.orchestrator.application.service;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The keys under which one lead's writes can change what another lead reads: its e-mail (contact, signals), its
 * company's domain (company row) and the identity index's blocking keys, people's and companies' apart (a lookup
 * asks for one kind). A lead whose reads share a key with a waiting lead's writes must see them, so its wave
 * commits first; leads that share none cannot tell whether the other's writes were committed before them.
 *
 * <p>The e-mail-end keys (an address's first or last six letters, for a typo at the other end) do not split a
 * wave: the last six are the mail provider's for most addresses (every Gmail address ends "ailcom"), the first six
 * are shared by role and numbered addresses by the thousand ("info", "lead1…"), and a person who really submits
 * twice in one batch under a mistyped address also shares the name keys, which do split it.
 */
final class WaveKeys {
    private WaveKeys() {
    }

    /**
     * What a lead about to be processed reads under: its person lookup asks under the probe's keys, and for a lead
     * with a company domain its account lookup under the same record's without the names.
     */
    static Set<String> read(EmailAddress email, Optional<String> domain, MatchRecord personProbe) {
        Set<String> keys = new HashSet<>();
        keys.add(email(email));
        domain.ifPresent(d -> keys.add(domain(d)));
        indexed(keys, "p:", BlockingKeys.of(personProbe));
        if (domain.isPresent()) {
            indexed(keys, "a:", BlockingKeys.of(accountProbe(personProbe)));
        }
        return keys;
    }

    /**
     * The account lookup's probe: the lead's company name, domain, e-mail, phone and country, as in the person
     * probe, which only adds the names (so it is not rebuilt, phone parsing and all).
     */
    private static MatchRecord accountProbe(MatchRecord person) {
        return new MatchRecord(person.id(), person.company(), person.domains(), person.emails(), Optional.empty(),
                Optional.empty(), person.phones(), person.city(), person.country());
    }

    /** What a lead's final writes change. */
    static Set<String> written(LeadWrites lead) {
        Set<String> keys = new HashSet<>();
        keys.add(email(lead.contact().email()));
        lead.contact().companyDomain().ifPresent(d -> keys.add(domain(d)));
        lead.company().ifPresent(c -> keys.add(domain(c.domain())));
        lead.person().ifPresent(p -> indexed(keys, "p:", BlockingKeys.of(p)));
        lead.account().ifPresent(a -> indexed(keys, "a:", BlockingKeys.of(a)));
        return keys;
    }

    static String email(EmailAddress email) {
        return "email:" + email.value();
    }

    static String domain(String domain) {
        return "domain:" + domain;
    }

    private static void indexed(Set<String> keys, String kind, Set<BlockingKey> blocking) {
        for (BlockingKey key : blocking) {
            if (key.type() != BlockingKey.Type.EMAIL_END) {
                keys.add(kind + key.type().name() + ':' + key.value());
            }
        }
    }
}
