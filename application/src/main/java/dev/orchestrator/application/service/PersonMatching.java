package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.dedupe.CompanyRules;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.PersonRules;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Person dedupe for a lead whose e-mail is new: the identity index offers the people sharing its rarest blocking
 * keys (name pair with nicknames, phone, company domain, mailbox), never every contact, and each is compared with
 * the person rules plus the employer. Contacts are indexed as {@code contact:<CRM id>}, apart from accounts.
 */
public final class PersonMatching {
    static final String ID_PREFIX = "contact:";

    private final IdentityIndex index;
    private final RecordMatcher matcher;
    private final MatchRecordFactory records;

    public PersonMatching(IdentityIndex index, MatchThresholds thresholds, MatchRecordFactory records) {
        this.index = Objects.requireNonNull(index, "index");
        this.matcher = new RecordMatcher(CompanyRules.ALL, PersonRules.WITH_EMPLOYER, thresholds);
        this.records = Objects.requireNonNull(records, "records");
    }

    public MatchThresholds thresholds() {
        return matcher.thresholds();
    }

    /** The strongest decision: a match before a possible match before a distinct, then the higher score. */
    public PersonMatch match(String leadId, ValidatedLead lead) {
        return match(probe(leadId, lead));
    }

    /** The lead as the index is asked about it. */
    MatchRecord probe(String leadId, ValidatedLead lead) {
        return records.toMatchRecord(new DedupeRecord("lead:" + leadId, lead.company().orElse(""),
                lead.companyDomain().orElse(""), "", lead.email().value(), lead.name().first().orElse(""),
                lead.name().last().orElse(""), lead.phoneE164().orElse(""), "", lead.country().orElse("")));
    }

    /** The strongest decision for a probe built by {@link #probe}. */
    PersonMatch match(MatchRecord probe) {
        List<IdentityCandidate> candidates = index.candidates(probe, IdentityIndex.Kind.PERSON);
        PersonMatch best = PersonMatch.noCandidate();
        for (IdentityCandidate candidate : candidates) {
            MatchDecision decision = matcher.comparePersons(probe, candidate.record());
            if (best.candidate().isEmpty() || stronger(decision, best.decision())) {
                best = new PersonMatch(decision, Optional.of(candidate), 0);
            }
        }
        return new PersonMatch(best.decision(), best.candidate(), candidates.size());
    }

    /** Files a written contact under its CRM id; a contact without a name is no person to find again. */
    public void remember(CrmObjectId crmId, Contact contact) {
        record(crmId, contact).ifPresent(index::index);
    }

    /** The record a written contact is filed under; none for a contact without a name (no person to find again). */
    Optional<MatchRecord> record(CrmObjectId crmId, Contact contact) {
        if (contact.name().first().isEmpty() && contact.name().last().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(records.toMatchRecord(new DedupeRecord(ID_PREFIX + crmId.value(),
                contact.company().orElse(""), contact.companyDomain().orElse(""), "", contact.email().value(),
                contact.name().first().orElse(""), contact.name().last().orElse(""), contact.phone().orElse(""), "",
                "")));
    }

    /** Files several contacts' records at once (a worker's wave of leads). */
    void rememberAll(List<MatchRecord> people) {
        if (!people.isEmpty()) {
            index.indexAll(people);
        }
    }

    static String crmIdOf(String indexId) {
        return indexId.startsWith(ID_PREFIX) ? indexId.substring(ID_PREFIX.length()) : indexId;
    }

    private static boolean stronger(MatchDecision a, MatchDecision b) {
        int byKind = Integer.compare(strength(a), strength(b));
        return byKind != 0 ? byKind > 0 : a.score().total() > b.score().total();
    }

    private static int strength(MatchDecision d) {
        if (d instanceof MatchDecision.Duplicate) {
            return 2;
        }
        return d instanceof MatchDecision.PossibleDuplicate ? 1 : 0;
    }
}
