package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ContactQueryUseCase;
import dev.orchestrator.application.port.in.ContactView;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.in.DecisionExplanation;
import dev.orchestrator.application.rules.RuleEvidence;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.RoutingCandidate;
import java.util.List;
import java.util.function.Predicate;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Optional;
import java.util.UUID;

public final class ContactQueryService implements ContactQueryUseCase {
    private final ContactDirectory contacts;
    private final AuditLog audit;
    private final Transactions transactions;

    public ContactQueryService(ContactDirectory contacts, AuditLog audit, Transactions transactions) {
        this.contacts = contacts;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public Optional<ContactView> byEmail(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (DomainViolation invalid) {
            return Optional.empty();
        }
        return transactions.inSnapshot(() -> contacts.findByEmail(address).map(this::view));
    }

    @Override
    public Optional<ContactView> byId(UUID id) {
        return transactions.inSnapshot(() -> contacts.findById(id).map(this::view));
    }

    @Override
    public Optional<DecisionExplanation> whyStage(UUID contactId, LifecycleStage stage) {
        return latest(contactId, AuditKind.TRANSITIONED, event -> stage.key().equals(event.evidence().get("to")))
                .map(event -> explain("stage:" + stage.key(), event, List.of()));
    }

    @Override
    public Optional<DecisionExplanation> whyOwner(UUID contactId) {
        return latest(contactId, AuditKind.ROUTED, event -> true)
                .map(event -> explain("owner:" + event.evidence().getOrDefault("target", ""), event,
                        RuleEvidence.candidates(event.evidence())));
    }

    private Optional<AuditEvent> latest(UUID contactId, AuditKind kind, Predicate<AuditEvent> matches) {
        List<AuditEvent> timeline = audit.byEntity(ProcessEventService.CONTACT, contactId.toString());
        for (int i = timeline.size() - 1; i >= 0; i--) {
            AuditEvent event = timeline.get(i);
            if (event.kind() == kind && event.ruleId().isPresent() && matches.test(event)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    private static DecisionExplanation explain(String decision, AuditEvent event, List<RoutingCandidate> candidates) {
        return new DecisionExplanation(decision, event.ruleId().orElseThrow(), event.rulesetVersion().orElse(""),
                event.at(), event.correlationId(), event.summary(), RuleEvidence.conditions(event.evidence()),
                candidates, event.evidence());
    }

    private ContactView view(Contact contact) {
        return new ContactView(contact, audit.byEntity(ProcessEventService.CONTACT, contact.id().toString()));
    }
}
