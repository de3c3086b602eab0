package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.application.port.out.SlaAlerts;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.rules.LeadFacts;
import dev.orchestrator.application.rules.RuleEvidence;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Router;
import dev.orchestrator.domain.rules.RoutingCandidate;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.RoutingTarget;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.SlaClock;
import dev.orchestrator.domain.rules.SlaRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * SLA timers, enforced by the scheduled sweep (inside its lock: one instance at a time). For each SLA rule of
 * the active ruleset, owned contacts in the rule's stage whose timer (stage entry or assignment, whichever is
 * later) ran out in business hours without a touch are reassigned to the next owner of the pool (routing again
 * with the late owner excluded, taking a turn of the persisted round-robin) and an alert is raised.
 *
 * <p>Idempotent: a breach is recorded per (contact, rule, timer start) in the transaction that saves the new
 * owner, so a second run, or a run after a crash, reassigns nobody twice; the new owner's timer starts at the
 * reassignment. When nobody else can take the record it stays with its owner and only the alert goes out.
 */
public final class EnforceSlaService {
    private final ActiveRuleset rules;
    private final LifecycleLedger ledger;
    private final PipelineStores stores;
    private final Supplier<OwnerRoster> owners;
    private final RoutingRotation rotation;
    private final CrmGateway crm;
    private final SlaAlerts alerts;
    private final IdGenerator ids;
    private final Clock clock;

    public EnforceSlaService(ActiveRuleset rules, LifecycleLedger ledger, PipelineStores stores,
            Supplier<OwnerRoster> owners, RoutingRotation rotation, CrmGateway crm, SlaAlerts alerts, IdGenerator ids,
            Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.stores = stores;
        this.owners = owners;
        this.rotation = rotation;
        this.crm = crm;
        this.alerts = alerts;
        this.ids = ids;
        this.clock = clock;
    }

    /** What one run did: breaches found and acted on, and how many of them changed the owner. */
    public record SlaReport(int breaches, int reassigned) {
        public static final SlaReport NONE = new SlaReport(0, 0);
    }

    public SlaReport enforce(int limit) {
        Ruleset ruleset = rules.current();
        if (ruleset.sla().isEmpty()) {
            return SlaReport.NONE;
        }
        Instant now = clock.instant();
        OwnerRoster roster = withOpenLeads(owners.get());
        int breaches = 0;
        int reassigned = 0;
        for (SlaRule rule : ruleset.sla()) {
            // Business time never exceeds calendar time: a timer younger than the allowance cannot have run out.
            for (UUID contactId : ledger.untouchedSince(rule.stage(), now.minus(rule.within()), limit)) {
                Optional<Outcome> outcome = enforce(ruleset, rule, contactId, roster, now);
                if (outcome.isPresent()) {
                    breaches++;
                    if (outcome.get().reassigned()) {
                        reassigned++;
                    }
                }
            }
        }
        return new SlaReport(breaches, reassigned);
    }

    private record Outcome(boolean reassigned) {
    }

    private Optional<Outcome> enforce(Ruleset ruleset, SlaRule rule, UUID contactId, OwnerRoster roster,
            Instant now) {
        Optional<Contact> found = stores.contacts().findById(contactId);
        Optional<SlaClock> clocks = ledger.clock(contactId);
        if (found.isEmpty() || clocks.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = found.get();
        SlaClock slaClock = clocks.get();
        // The clock and the contact are read apart: act only when they agree on stage and owner.
        if (slaClock.stage() != contact.stage() || !slaClock.ownerId().equals(contact.ownerId())) {
            return Optional.empty();
        }
        Optional<SlaRule.SlaBreach> breach = rule.check(slaClock, now, ruleset.businessHours());
        if (breach.isEmpty()) {
            return Optional.empty();
        }
        String lateOwner = contact.ownerId().orElseThrow();
        Optional<RoutingDecision> routing = Optional.empty();
        Optional<String> newOwner = contact.ownerId();
        if (rule.reassign()) {
            EvaluationContext context = context(contact, roster.find(lateOwner)
                    .orElse(OwnerState.available(lateOwner)), now);
            Router.Outcome routed = rotation.turn(state -> Router.reassign(ruleset, context, roster, state,
                    breach.get()), Router.Outcome::rotation);
            routing = Optional.of(routed.decision());
            if (routed.decision().target() instanceof RoutingTarget.Owner owner) {
                newOwner = Optional.of(owner.ownerId());
            }
        }
        boolean reassigned = !newOwner.equals(contact.ownerId());
        UUID correlation = ids.newId();
        String version = ruleset.version().hash();
        Map<String, String> evidence = evidence(rule, breach.get(), slaClock, lateOwner, newOwner, routing);
        String action = !rule.reassign() ? "alert only (the rule does not reassign)"
                : reassigned ? "reassigned to " + newOwner.get()
                : "kept by " + lateOwner + ": nobody else can take it (" + routing.map(RoutingDecision::reason)
                        .orElse("") + ")";
        evidence.put("action", action);
        String summary = lateOwner + " did not touch this " + rule.stage().key() + " within "
                + hours(breach.get().allowed().toMinutes()) + " business hours (" + hours(breach.get().elapsed()
                .toMinutes()) + " elapsed): " + action;

        List<AuditEvent> audit = new ArrayList<>();
        audit.add(new AuditEvent(ids.newId(), now, AuditKind.SLA_BREACHED, ProcessEventService.CONTACT,
                Optional.of(contactId.toString()), correlation, Actor.rule(rule.id()), summary,
                Optional.of(rule.id()), Optional.of(version), evidence));
        Optional<String> finalOwner = newOwner;
        if (reassigned) {
            RoutingDecision decision = routing.orElseThrow();
            Map<String, String> routed = RuleEvidence.routing(decision);
            routed.put("sla", rule.id());
            routed.put("ownerBefore", lateOwner);
            audit.add(new AuditEvent(ids.newId(), now, AuditKind.ROUTED, ProcessEventService.CONTACT,
                    Optional.of(contactId.toString()), correlation, Actor.rule(rule.id()), "reassigned from "
                            + lateOwner + " to " + finalOwner.get() + " after missed SLA " + rule.id() + " by rule "
                            + decision.ruleId(), Optional.of(decision.ruleId()), Optional.of(version), routed));
            if (contact.crmId().isPresent()) {
                crm.updateContact(contact.crmId().get(), new ContactDraft(contact.email(), contact.name(),
                        Optional.empty(), Optional.empty(), Optional.of(contact.stage().key()), finalOwner));
                audit.add(new AuditEvent(ids.newId(), now, AuditKind.CRM_WRITTEN, ProcessEventService.CONTACT,
                        Optional.of(contactId.toString()), correlation, Actor.system(crm.name()),
                        "updated CRM contact " + contact.crmId().get() + " (owner " + finalOwner.get() + ")",
                        Optional.empty(), Optional.empty(), orderedMap("crm", crm.name(), "crmId",
                                contact.crmId().get().value(), "operation", "update", "owner", finalOwner.get())));
            }
        }
        Map<String, String> alertEvidence = orderedMap("channel", rule.alert().orElse(""), "sla", rule.id(),
                "ownerBefore", lateOwner, "ownerAfter", finalOwner.orElse(""), "elapsedHours",
                hours(breach.get().elapsed().toMinutes()), "allowedHours", hours(breach.get().allowed().toMinutes()));
        audit.add(new AuditEvent(ids.newId(), now, AuditKind.ALERT_RAISED, ProcessEventService.CONTACT,
                Optional.of(contactId.toString()), correlation, Actor.rule(rule.id()), "alert"
                        + rule.alert().map(channel -> " to " + channel).orElse("") + ": " + summary,
                Optional.of(rule.id()), Optional.of(version), alertEvidence));

        boolean recorded = stores.transactions().inTransaction(() -> {
            if (!ledger.recordBreach(contactId, rule.id(), slaClock.timerStartedAt(), contact.ownerId(), finalOwner,
                    breach.get().elapsed().toMinutes(), now)) {
                return false;
            }
            if (reassigned) {
                stores.contacts().save(contact.withDecision(contact.stage(), finalOwner, contact.fitScore(),
                        contact.behaviorScore(), now));
            }
            stores.audit().appendAll(audit);
            return true;
        });
        if (!recorded) {
            return Optional.empty();
        }
        alerts.raise(new SlaAlerts.SlaAlert(contactId, rule.id(), rule.alert(), summary, alertEvidence));
        return Optional.of(new Outcome(reassigned));
    }

    /** The evidence of a breach: the rule, the hours, the clocks, the owners before and after, the candidates. */
    private static Map<String, String> evidence(SlaRule rule, SlaRule.SlaBreach breach, SlaClock clock,
            String lateOwner, Optional<String> newOwner, Optional<RoutingDecision> routing) {
        Map<String, String> evidence = orderedMap("rule", rule.id(), "stage", rule.stage().key(),
                "allowedHours", hours(breach.allowed().toMinutes()),
                "elapsedHours", hours(breach.elapsed().toMinutes()),
                "elapsedMinutes", Long.toString(breach.elapsed().toMinutes()),
                "timerStartedAt", clock.timerStartedAt().toString(),
                "stageEnteredAt", clock.stageEnteredAt().toString(),
                "ownerAssignedAt", clock.ownerAssignedAt().map(Instant::toString).orElse(""),
                "lastTouchAt", clock.touchedAt().map(Instant::toString).orElse(""),
                "lastTouchBy", clock.touchedBy().orElse(""),
                "ownerBefore", lateOwner, "ownerAfter", newOwner.orElse(""),
                "alert", rule.alert().orElse(""), "reassign", Boolean.toString(rule.reassign()));
        routing.ifPresent(decision -> {
            evidence.put("routingRule", decision.ruleId());
            evidence.put("target", decision.target().label());
            int n = 1;
            for (RoutingCandidate candidate : decision.candidates()) {
                evidence.put("candidate." + n + ".owner", candidate.owner());
                evidence.put("candidate." + n + ".pool", candidate.pool());
                evidence.put("candidate." + n + ".outcome", candidate.outcome().key());
                evidence.put("candidate." + n + ".reason", candidate.reason());
                n++;
            }
        });
        return evidence;
    }

    private EvaluationContext context(Contact contact, OwnerState owner, Instant now) {
        Map<String, dev.orchestrator.domain.rules.Value> company = contact.companyDomain()
                .flatMap(stores.companies()::find).map(LeadFacts::company).orElse(Map.of());
        List<Signal> signals = new ArrayList<>();
        for (StoredSignal stored : stores.signals().since(contact.email(),
                now.minus(ProcessEventService.SIGNAL_HORIZON))) {
            signals.add(new Signal(stored.type(), stored.occurredAt()));
        }
        return new EvaluationContext(LeadFacts.values(contact.facts()), company, Map.of(), signals, contact.stage(),
                contact.fitScore(), contact.behaviorScore(), Optional.of(owner), Optional.empty(), now);
    }

    /** Caps count open leads, as in the pipeline. */
    private OwnerRoster withOpenLeads(OwnerRoster roster) {
        OwnerRoster counted = roster;
        for (Map.Entry<String, Integer> entry : stores.contacts().openLeadsByOwner().entrySet()) {
            Optional<OwnerState> state = counted.find(entry.getKey());
            if (state.isPresent()) {
                counted = counted.with(state.get().withOpenLeads(entry.getValue()));
            }
        }
        return counted;
    }

    private static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
