package dev.orchestrator.application.service;

import dev.orchestrator.application.intake.PayloadHash;
import dev.orchestrator.application.port.in.ForgetContactCommand;
import dev.orchestrator.application.port.in.ForgetContactUseCase;
import dev.orchestrator.application.port.in.ForgetOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PersonalDataStore;
import dev.orchestrator.application.port.out.PersonalDataStore.ErasedEvent;
import dev.orchestrator.application.port.out.PersonalDataStore.StoredText;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.privacy.PersonalDataPolicy;
import dev.orchestrator.application.privacy.PersonalDataPolicy.Identifiers;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.privacy.Scrubber;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a person. The CRM is asked first, outside any transaction: if it fails, nothing local is erased and the
 * request can be repeated with everything it needs still known. Then, in one transaction, every raw event, audit
 * entry, review item and dead-letter error of the person is rewritten (personal values replaced by the stable
 * pseudonym or {@code [erased]}, the decision skeleton kept), the contact row pseudonymized, and the erasure
 * itself audited, naming the pseudonym and the counts but nothing it erased.
 */
public final class ForgetContactService implements ForgetContactUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(ForgetContactService.class);

    private final ContactDirectory contacts;
    private final PersonalDataStore store;
    private final CrmGateway crm;
    private final boolean deleteInCrm;
    private final PayloadParser parser;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Pseudonyms pseudonyms;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentityIndex people;

    public ForgetContactService(ContactDirectory contacts, PersonalDataStore store, CrmGateway crm, boolean deleteInCrm,
            PayloadParser parser, AuditLog audit, Transactions transactions, Pseudonyms pseudonyms, IdGenerator ids,
            Clock clock, IdentityIndex people) {
        this.contacts = contacts;
        this.store = store;
        this.crm = crm;
        this.deleteInCrm = deleteInCrm;
        this.parser = parser;
        this.audit = audit;
        this.transactions = transactions;
        this.pseudonyms = pseudonyms;
        this.ids = ids;
        this.clock = clock;
        this.people = people;
    }

    @Override
    public ForgetOutcome forget(ForgetContactCommand command) {
        Optional<Contact> contact;
        EmailAddress email;
        if (command.subject() instanceof ForgetContactCommand.ById byId) {
            contact = contacts.findById(byId.contactId());
            if (contact.isEmpty()) {
                return new ForgetOutcome.NotFound("no contact " + byId.contactId());
            }
            email = contact.get().email();
        } else {
            try {
                email = EmailAddress.parse(((ForgetContactCommand.ByEmail) command.subject()).email());
            } catch (DomainViolation invalid) {
                return new ForgetOutcome.NotFound("not a valid email address");
            }
            contact = contacts.findByEmail(email);
        }
        if (email.domain().equals(Pseudonyms.EMAIL_DOMAIN)) {
            return new ForgetOutcome.NotFound("already forgotten as " + email.localPart());
        }
        Optional<UUID> contactId = contact.map(Contact::id);
        List<RawEvent> events = store.rawEventsOf(email.value(), contactId);

        Identifiers identifiers = new Identifiers(Optional.of(email.value()), Set.of(), Set.of());
        if (contact.isPresent()) {
            identifiers = identifiers.and(identifiersOf(contact.get()));
        }
        String crmNote;
        boolean heldByCrm = false;
        if (deleteInCrm) {
            try {
                Optional<CrmObjectId> crmId = contact.flatMap(Contact::crmId);
                if (crmId.isEmpty()) {
                    Optional<CrmContact> found = crm.findContactByEmail(email);
                    crmId = found.map(CrmContact::id);
                    if (found.isPresent()) {
                        identifiers = identifiers.and(new Identifiers(Optional.empty(), names(found.get().name()
                                .first(), found.get().name().last()), found.get().phone().map(Set::of).orElse(Set.of())));
                    }
                }
                if (crmId.isPresent()) {
                    crm.forgetContact(crmId.get());
                    heldByCrm = true;
                    crmNote = "deleted in " + crm.name() + " (object " + crmId.get().value() + ")";
                } else {
                    crmNote = "not held by " + crm.name();
                }
            } catch (CrmFailure failure) {
                LOG.warn("forgetting a contact: the CRM ({}) refused the deletion: {}", crm.name(), failure.kind());
                return new ForgetOutcome.CrmFailed(crm.name() + " did not delete the contact: " + failure.kind(),
                        failure.kind() == CrmFailure.Kind.RETRYABLE);
            }
        } else {
            crmNote = "CRM deletion not configured";
        }
        if (contact.isEmpty() && events.isEmpty() && !heldByCrm) {
            return new ForgetOutcome.NotFound("nothing is known of this person");
        }

        Map<UUID, PayloadParser.Parsed> parsed = new LinkedHashMap<>();
        for (RawEvent event : events) {
            PayloadParser.Parsed body = parser.parse(event.body());
            parsed.put(event.id(), body);
            identifiers = identifiers.and(sameEmailOnly(PersonalDataPolicy.identifiersIn(body), email));
        }
        Set<UUID> eventIds = new LinkedHashSet<>(parsed.keySet());
        String pseudonym = pseudonyms.of(email);
        Identifiers known = identifiers;
        return transactions.inTransaction(() -> {
            List<AuditEvent> entries = store.auditOf(contactId, eventIds);
            Identifiers all = known;
            for (AuditEvent entry : entries) {
                all = all.and(sameEmailOnly(PersonalDataPolicy.identifiersIn(entry.evidence()), email));
            }
            Scrubber scrubber = all.scrubber(pseudonym);
            Instant now = clock.instant();
            for (RawEvent event : events) {
                byte[] body = PersonalDataPolicy.erasedPayload(parsed.get(event.id()), Optional.of(pseudonym), scrubber);
                store.rewriteRawEvent(event.id(), new ErasedEvent(body,
                        PersonalDataPolicy.erasedHeaders(event.headers(), scrubber), PayloadHash.sha256Hex(body),
                        Optional.of(pseudonym), scrubber.scrub(event.lastError()), now));
            }
            for (AuditEvent entry : entries) {
                store.rewriteAudit(entry.id(), scrubber.scrub(entry.summary()),
                        PersonalDataPolicy.erasedEvidence(entry.evidence(), Optional.of(pseudonym), scrubber), now);
            }
            // Other people's entries that name her (a dedupe comparison's closest candidate): her values scrubbed,
            // theirs kept, and the entries not marked erased, so the retention sweep still erases theirs in time.
            Set<UUID> own = new LinkedHashSet<>();
            entries.forEach(entry -> own.add(entry.id()));
            long texts = 0;
            for (AuditEvent other : store.auditNaming(email.value(), contact.flatMap(Contact::crmId)
                    .map(CrmObjectId::value), own)) {
                Map<String, String> evidence = new LinkedHashMap<>();
                other.evidence().forEach((key, value) -> evidence.put(key, scrubber.scrub(value)));
                store.scrubAudit(other.id(), scrubber.scrub(other.summary()), evidence);
                texts++;
            }
            List<StoredText> stored = new ArrayList<>(store.textsOf(eventIds));
            stored.addAll(store.reviewTextsNaming(email.value(), eventIds));
            for (StoredText text : stored) {
                String scrubbed = scrubber.scrub(text.text());
                if (!scrubbed.equals(text.text())) {
                    store.rewriteText(text, scrubbed);
                    texts++;
                }
            }
            contactId.ifPresent(id -> store.pseudonymizeContact(id, pseudonyms.emailOf(email).value(), now));
            // Person dedupe keeps names, e-mail and phone in the identity index: a forgotten person leaves it.
            contact.flatMap(Contact::crmId).ifPresent(id -> people.remove(PersonMatching.ID_PREFIX + id.value()));
            UUID auditId = ids.newId();
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("pseudonym", pseudonym);
            evidence.put("rawEvents", Long.toString(events.size()));
            evidence.put("auditEvents", Long.toString(entries.size()));
            evidence.put("otherTexts", Long.toString(texts));
            evidence.put("crm", crmNote);
            audit.append(new AuditEvent(auditId, now, AuditKind.ERASED, contactId.isPresent() ? "contact" : "person",
                    Optional.of(contactId.map(UUID::toString).orElse(pseudonym)), auditId,
                    Actor.user(command.requestedBy()), "personal data erased; the person is now " + pseudonym,
                    Optional.empty(), Optional.empty(), evidence));
            LOG.info("forgot a person as {}: {} raw events, {} audit entries, {} other texts; CRM: {}", pseudonym,
                    events.size(), entries.size(), texts, crmNote);
            return new ForgetOutcome.Forgotten(pseudonym, contactId, events.size(), entries.size(), texts, crmNote,
                    auditId);
        });
    }

    private static Identifiers identifiersOf(Contact contact) {
        return new Identifiers(Optional.empty(), names(contact.name().first(), contact.name().last()),
                contact.phone().map(Set::of).orElse(Set.of()));
    }

    private static Set<String> names(Optional<String> first, Optional<String> last) {
        Set<String> names = new LinkedHashSet<>();
        first.ifPresent(names::add);
        last.ifPresent(names::add);
        if (first.isPresent() && last.isPresent()) {
            names.add(first.get() + " " + last.get());
        }
        return names;
    }

    /**
     * An event found by its body may mention the person without being theirs (a colleague's lead naming them);
     * only the names and phone of events that are the person's own are taken as the person's identifiers.
     */
    private static Identifiers sameEmailOnly(Identifiers found, EmailAddress email) {
        boolean theirs = found.email().map(e -> e.equalsIgnoreCase(email.value())).orElse(false);
        return theirs ? new Identifiers(Optional.empty(), found.names(), found.phones()) : Identifiers.none();
    }
}
