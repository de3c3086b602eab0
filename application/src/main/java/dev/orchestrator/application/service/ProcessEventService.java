package dev.orchestrator.application.service;

import dev.orchestrator.application.normalize.LeadNormalizer;
import dev.orchestrator.application.normalize.UnprocessablePayload;
import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.validate.LeadValidator;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.application.validate.ValidationResult;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.intake.LeadEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pipeline over one stored event. CRM calls happen outside any database transaction; our own state (the
 * contact, the audit trail, the event status) is written in one transaction afterwards. A retry after a crash
 * between the two finds the CRM contact by email and updates it, so nothing is written twice.
 */
public final class ProcessEventService implements ProcessEventUseCase {
    static final String CONTACT = "contact";
    static final String EVENT = "event";

    private final EventStore events;
    private final PayloadParser parser;
    private final Map<String, LeadNormalizer> normalizers;
    private final LeadValidator validator;
    private final CrmGateway crm;
    private final ContactDirectory contacts;
    private final ReviewQueue reviews;
    private final AuditLog audit;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ProcessEventService(EventStore events, PayloadParser parser, Map<String, LeadNormalizer> normalizers,
            LeadValidator validator, CrmGateway crm, ContactDirectory contacts, ReviewQueue reviews, AuditLog audit,
            Transactions transactions, IdGenerator ids, Clock clock) {
        this.events = events;
        this.parser = parser;
        this.normalizers = Map.copyOf(normalizers);
        this.validator = validator;
        this.crm = crm;
        this.contacts = contacts;
        this.reviews = reviews;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ProcessOutcome process(ProcessEventCommand command) {
        UUID eventId = command.eventId();
        RawEvent raw = events.find(eventId)
                .orElseThrow(() -> new IllegalStateException("job refers to a missing event " + eventId));
        AuditTrail trail = new AuditTrail(eventId, ids, clock);

        LeadNormalizer normalizer = normalizers.get(raw.source());
        if (normalizer == null) {
            return poison(eventId, trail, "no field map for source '" + raw.source() + "'");
        }
        PayloadParser.Parsed parsed = parser.parse(raw.body());
        if (parsed instanceof PayloadParser.Unparseable unparseable) {
            return poison(eventId, trail, unparseable.reason());
        }
        LeadEvent lead;
        try {
            lead = normalizer.normalize(raw.source(), raw.sourceEventId(), ((PayloadParser.Ok) parsed).tree());
        } catch (UnprocessablePayload e) {
            return poison(eventId, trail, e.getMessage());
        }
        trail.record(AuditKind.NORMALIZED, CONTACT, Optional.empty(), "normalizer",
                "payload read with field map " + normalizer.version(), normalizedEvidence(normalizer, lead));
        Map<String, String> corrected = reviews.corrections(eventId);
        if (!corrected.isEmpty()) {
            lead = LeadCorrections.apply(lead, corrected);
            trail.record(AuditKind.CORRECTED, CONTACT, Optional.empty(), "review",
                    "fields corrected in review: " + String.join(", ", corrected.keySet()), corrected);
        }

        ValidationResult validation = validator.validate(lead);
        if (validation instanceof ValidationResult.Invalid invalid) {
            return toReview(eventId, trail, invalid);
        }
        ValidatedLead valid = ((ValidationResult.Valid) validation).lead();
        trail.record(AuditKind.VALIDATED, CONTACT, Optional.empty(), "validator", "all required fields valid",
                orderedMap("email", valid.email().value(), "phone", valid.phoneE164().orElse("")));
        valid.corrections().forEach(c -> trail.record(AuditKind.CORRECTED, CONTACT, Optional.empty(), "validator",
                c.field() + " " + c.reason(), orderedMap("field", c.field(), "from", c.from(), "to", c.to())));

        Optional<CrmContact> existing = crm.findContactByEmail(valid.email());
        trail.record(AuditKind.CRM_SEARCHED, CONTACT, Optional.empty(), crm.name(),
                existing.map(c -> "found CRM contact " + c.id()).orElse("no CRM contact with this email"),
                orderedMap("crm", crm.name(), "email", valid.email().value(),
                        "found", existing.map(c -> c.id().value()).orElse("")));

        Optional<Contact> known = contacts.findByEmail(valid.email());
        ContactDraft draft = new ContactDraft(valid.email(), valid.name(), valid.company(), valid.phoneE164(),
                Optional.of(known.map(Contact::stage).orElse(LifecycleStage.LEAD).key()), Optional.empty());
        CrmObjectId crmId;
        boolean created;
        if (existing.isPresent()) {
            crmId = existing.get().id();
            crm.updateContact(crmId, draft);
            created = false;
        } else {
            crmId = crm.createContact(draft);
            created = true;
        }
        Instant now = clock.instant();
        Contact contact = known
                .map(c -> c.withDetails(valid.name(), valid.company(), valid.phoneE164(), now).withCrmId(crmId, now))
                .orElseGet(() -> new Contact(ids.newId(), valid.email(), valid.name(), valid.company(),
                        valid.phoneE164(), Optional.of(crmId), LifecycleStage.LEAD, Optional.empty(), 0, 0, now, now));
        trail.record(AuditKind.CRM_WRITTEN, CONTACT, Optional.of(contact.id().toString()), crm.name(),
                (created ? "created" : "updated") + " CRM contact " + crmId,
                orderedMap("crm", crm.name(), "crmId", crmId.value(), "operation", created ? "create" : "update"));

        transactions.inRetryableTransaction(() -> {
            contacts.save(contact);
            trail.eventsFor(CONTACT, contact.id().toString()).forEach(audit::append);
            events.tagEmail(eventId, valid.email().value());
            events.updateStatus(eventId, EventStatus.DONE, Optional.empty());
            return null;
        });
        return new ProcessOutcome.Done(Optional.of(crmId.value()), created);
    }

    private ProcessOutcome poison(UUID eventId, AuditTrail trail, String reason) {
        trail.record(AuditKind.FAILED, EVENT, Optional.of(eventId.toString()), "pipeline",
                "event cannot be processed: " + reason, Map.of("reason", reason));
        transactions.inRetryableTransaction(() -> {
            trail.events().forEach(audit::append);
            events.updateStatus(eventId, EventStatus.DEAD, Optional.of(reason));
            return null;
        });
        return new ProcessOutcome.Poison(reason);
    }

    private ProcessOutcome toReview(UUID eventId, AuditTrail trail, ValidationResult.Invalid invalid) {
        String reason = invalid.problems().stream().map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; "));
        Map<String, String> evidence = new LinkedHashMap<>();
        invalid.problems().forEach(p -> evidence.put(p.field(), p.message()));
        trail.record(AuditKind.REJECTED, EVENT, Optional.of(eventId.toString()), "validator",
                "sent to review: " + reason, evidence);
        transactions.inRetryableTransaction(() -> {
            reviews.open(eventId, "validation", invalid.problems(), clock.instant());
            trail.events().forEach(audit::append);
            events.updateStatus(eventId, EventStatus.REVIEW, Optional.of(reason));
            return null;
        });
        return new ProcessOutcome.SentToReview(reason);
    }

    private static Map<String, String> normalizedEvidence(LeadNormalizer normalizer, LeadEvent lead) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("fieldMap", normalizer.version());
        evidence.put("sourceRecordId", lead.sourceRecordId());
        lead.email().ifPresent(v -> evidence.put("email", v));
        lead.firstName().ifPresent(v -> evidence.put("firstName", v));
        lead.lastName().ifPresent(v -> evidence.put("lastName", v));
        lead.company().ifPresent(v -> evidence.put("company", v));
        lead.phone().ifPresent(v -> evidence.put("phone", v));
        lead.consent().ifPresent(v -> evidence.put("consent", v.toString()));
        return evidence;
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
