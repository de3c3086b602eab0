package dev.orchestrator.application.service;

import dev.orchestrator.application.normalize.HubSpotCrmEvents;
import dev.orchestrator.application.normalize.UnprocessablePayload;
import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.intake.ChangeOrigin;
import dev.orchestrator.domain.intake.CrmRecordUpdate;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.rules.ExternalStageChange;
import dev.orchestrator.domain.rules.Ruleset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM talking back: a {@code hubspot} webhook delivery (a batch) is split into its events
 * ({@code crm.record.updated}), each handled once by its {@code eventId} whatever delivery carries it, each in
 * its own transaction. Every other source goes on to the lead pipeline unchanged.
 *
 * <ul>
 * <li>A person's stage or owner change is respected: our view takes it, no rule runs in that event, and it is
 * audited as a manual change with the CRM user as actor ({@code why?stage=} answers with rule id
 * {@value #MANUAL_RULE}).</li>
 * <li>An integration's or workflow's stage change must follow a lifecycle rule; one no rule allows is refused
 * loudly (warning log + {@code rejected} audit event) and our view keeps its stage.</li>
 * <li>Our own writes coming back are echoes: a change not made by a person whose value is one this contact held
 * in our view recently (we write the CRM from that view), or made by one of our own app ids, is ignored and
 * audited as such, so nothing bounces back as a write loop (this handler never writes to the CRM either). A
 * change older than our last write of the same property is superseded and ignored too.</li>
 * <li>Touches for SLA timers: a person's edit (other than an owner change, which restarts the timer for the new
 * owner) and any activity HubSpot logs on the contact.</li>
 * <li>Merges repoint our contacts at the surviving CRM record; deletions drop the CRM id (our decision history
 * stays); a creation outside the orchestrator is noted.</li>
 * </ul>
 */
public final class CrmRecordUpdatesService implements ProcessEventUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(CrmRecordUpdatesService.class);
    public static final String SOURCE = "hubspot";
    /** The rule id manual changes are audited under, so "why" can answer for them. */
    public static final String MANUAL_RULE = "crm-manual-change";
    /** The rule id a system's change made in the CRM is audited under. */
    public static final String EXTERNAL_RULE = "crm-external-change";
    static final Duration ECHO_WINDOW = Duration.ofDays(1);
    private static final Set<String> TRACKED = trackedProperties();
    private static final String CRM = "hubspot";

    private final StoredEventPipeline pipeline;
    private final PayloadParser parser;
    private final HubSpotCrmEvents normalizer;
    private final PipelineStores stores;
    private final LifecycleLedger ledger;
    private final ActiveRuleset rules;
    private final Set<String> ownAppIds;
    private final IdGenerator ids;
    private final Clock clock;

    /** {@code ownAppIds}: the HubSpot app ids our writes carry as {@code sourceId} (may be empty). */
    public CrmRecordUpdatesService(StoredEventPipeline pipeline, PayloadParser parser, HubSpotCrmEvents normalizer,
            PipelineStores stores, LifecycleLedger ledger, ActiveRuleset rules, Set<String> ownAppIds,
            IdGenerator ids, Clock clock) {
        this.pipeline = pipeline;
        this.parser = parser;
        this.normalizer = normalizer;
        this.stores = stores;
        this.ledger = ledger;
        this.rules = rules;
        this.ownAppIds = Set.copyOf(ownAppIds);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ProcessOutcome process(ProcessEventCommand command) {
        RawEvent raw = read(command);
        return raw.source().equals(SOURCE) ? crmRecordUpdates(raw) : pipeline.process(raw);
    }

    /**
     * The pipeline's wave for leads; a batch of CRM record changes first has the waiting leads committed, since it
     * reads and writes the contacts they wrote.
     */
    @Override
    public ProcessEventUseCase.Wave openWave() {
        StoredEventPipeline.Wave leads = pipeline.openWave();
        return new ProcessEventUseCase.Wave() {
            @Override
            public ProcessOutcome process(ProcessEventCommand command) {
                RawEvent raw = read(command);
                if (!raw.source().equals(SOURCE)) {
                    return leads.process(raw);
                }
                leads.flush();
                return crmRecordUpdates(raw);
            }

            @Override
            public Map<UUID, RuntimeException> commit() {
                return leads.commit();
            }
        };
    }

    private RawEvent read(ProcessEventCommand command) {
        return command.read().or(() -> stores.events().find(command.eventId()))
                .orElseThrow(() -> new IllegalStateException("job refers to a missing event " + command.eventId()));
    }

    private ProcessOutcome crmRecordUpdates(RawEvent raw) {
        PayloadParser.Parsed parsed = parser.parse(raw.body());
        if (parsed instanceof PayloadParser.Unparseable unparseable) {
            return poison(raw, unparseable.reason());
        }
        List<HubSpotCrmEvents.Item> items;
        try {
            items = normalizer.read(((PayloadParser.Ok) parsed).tree());
        } catch (UnprocessablePayload e) {
            return poison(raw, e.getMessage());
        }
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (HubSpotCrmEvents.Item item : items) {
            tally.merge(handle(raw, item), 1, Integer::sum);
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("eventType", CrmRecordUpdate.EVENT_TYPE);
        evidence.put("normalizer", normalizer.version());
        evidence.put("events", Integer.toString(items.size()));
        tally.forEach((outcome, count) -> evidence.put("outcome." + outcome, count.toString()));
        AuditEvent summary = event(raw.id(), AuditKind.NORMALIZED, ProcessEventService.EVENT,
                Optional.of(raw.id().toString()), Actor.system("crm-webhooks"), "HubSpot batch of " + items.size()
                        + " event(s): " + tally, Optional.empty(), Optional.empty(), evidence);
        stores.transactions().inRetryableTransaction(() -> {
            stores.audit().append(summary);
            stores.events().updateStatus(raw.id(), EventStatus.DONE, Optional.empty());
            return null;
        });
        return new ProcessOutcome.Done(Optional.empty(), false);
    }

    /** What became of one event, for the batch's tally: applied, ignored, refused, duplicate, unreadable... */
    private String handle(RawEvent raw, HubSpotCrmEvents.Item item) {
        if (item instanceof HubSpotCrmEvents.Unreadable unreadable) {
            String eventId = unreadable.eventId().orElse("#" + unreadable.index());
            Effect effect = Effect.ignored("unreadable");
            effect.audit.add(event(raw.id(), AuditKind.REJECTED, ProcessEventService.EVENT,
                    Optional.of(raw.id().toString()), Actor.system("crm-webhooks"), "HubSpot event " + eventId
                            + " cannot be read: " + unreadable.reason(), Optional.empty(), Optional.empty(),
                    Map.of("crmEventId", eventId, "reason", unreadable.reason())));
            return commit(raw, eventId, "unreadable", effect);
        }
        if (item instanceof HubSpotCrmEvents.Skipped skipped) {
            Effect effect = Effect.ignored("skipped");
            effect.audit.add(event(raw.id(), AuditKind.IGNORED, ProcessEventService.EVENT,
                    Optional.of(raw.id().toString()), Actor.system("crm-webhooks"), "HubSpot event "
                            + skipped.eventId() + " (" + skipped.subscriptionType() + ") is not a contact event",
                    Optional.empty(), Optional.empty(), Map.of("crmEventId", skipped.eventId(),
                            "subscriptionType", skipped.subscriptionType())));
            return commit(raw, skipped.eventId(), skipped.subscriptionType(), effect);
        }
        CrmRecordUpdate update = ((HubSpotCrmEvents.Read) item).update();
        Optional<UUID> handledBy = ledger.crmEventHandledBy(SOURCE, update.eventId());
        if (handledBy.isPresent()) {
            if (!handledBy.get().equals(raw.id())) {
                stores.audit().append(event(raw.id(), AuditKind.IGNORED, ProcessEventService.EVENT,
                        Optional.of(raw.id().toString()), Actor.system("crm-webhooks"), "HubSpot event "
                                + update.eventId() + " was already handled by event " + handledBy.get(),
                        Optional.empty(), Optional.empty(), Map.of("crmEventId", update.eventId(),
                                "handledBy", handledBy.get().toString(), "reason", "duplicate")));
            }
            return "duplicate";
        }
        return commit(raw, update.eventId(), update.kind(), apply(raw, update));
    }

    private String commit(RawEvent raw, String eventId, String kind, Effect effect) {
        boolean claimed = stores.transactions().inRetryableTransaction(() -> {
            if (!ledger.claimCrmEvent(SOURCE, eventId, raw.id(), kind, effect.outcome, clock.instant())) {
                return false;
            }
            effect.save.forEach(stores.contacts()::save);
            effect.touches.forEach(touch -> ledger.touch(touch.contactId(), touch.at(), touch.by(), touch.kind()));
            stores.audit().appendAll(effect.audit);
            return true;
        });
        if (!claimed) {
            return "duplicate";
        }
        effect.warnings.forEach(warning -> LOG.warn("{}", warning));
        return effect.outcome;
    }

    private Effect apply(RawEvent raw, CrmRecordUpdate update) {
        List<Contact> known = ledger.contactsWithCrmId(update.objectId()).stream()
                .flatMap(id -> stores.contacts().findById(id).stream()).toList();
        if (update instanceof CrmRecordUpdate.Merged merged) {
            return merged(raw, merged);
        }
        if (known.isEmpty()) {
            Effect effect = Effect.ignored(update instanceof CrmRecordUpdate.Created ? "noted" : "ignored");
            String summary = update instanceof CrmRecordUpdate.Created
                    ? "CRM contact " + update.objectId() + " was created in the CRM, not by us; it becomes ours when a"
                            + " lead or a backfill brings its email"
                    : "no contact of ours has CRM id " + update.objectId();
            effect.audit.add(event(raw.id(), update instanceof CrmRecordUpdate.Created ? AuditKind.CRM_UPDATED
                    : AuditKind.IGNORED, ProcessEventService.EVENT, Optional.of(raw.id().toString()),
                    actor(update.origin()), summary, Optional.empty(), Optional.empty(), evidence(update)));
            return effect;
        }
        Effect effect = Effect.ignored("ignored");
        for (Contact contact : known) {
            Effect one;
            if (update instanceof CrmRecordUpdate.PropertyChanged change) {
                one = propertyChanged(raw, contact, change);
            } else if (update instanceof CrmRecordUpdate.Deleted deleted) {
                one = deleted(raw, contact, deleted);
            } else {
                one = contactEvent(raw, contact, update, AuditKind.IGNORED, "echo of our own create: CRM contact "
                        + update.objectId() + " is ours", "echo", false);
            }
            effect = effect.and(one);
        }
        return effect;
    }

    private Effect propertyChanged(RawEvent raw, Contact contact, CrmRecordUpdate.PropertyChanged change) {
        if (change.property().equals(HubSpotCrmEvents.STAGE_PROPERTY)) {
            return stageChanged(raw, contact, change);
        }
        if (change.property().equals(HubSpotCrmEvents.OWNER_PROPERTY)) {
            return ownerChanged(raw, contact, change);
        }
        if (HubSpotCrmEvents.ACTIVITY_PROPERTIES.contains(change.property())) {
            Effect effect = contactEvent(raw, contact, change, AuditKind.CRM_UPDATED, "activity logged in the CRM ("
                    + change.property() + "): the owner touched the contact", "touched", false);
            effect.touches.add(new Touch(contact.id(), change.occurredAt(), change.origin().actorName(CRM),
                    "activity:" + change.property()));
            return effect;
        }
        if (change.origin().byPerson()) {
            Effect effect = contactEvent(raw, contact, change, AuditKind.CRM_UPDATED, change.property()
                    + " edited in the CRM by " + change.origin().actorName(CRM), "touched", false);
            effect.touches.add(new Touch(contact.id(), change.occurredAt(), change.origin().actorName(CRM),
                    "edit:" + change.property()));
            return effect;
        }
        return contactEvent(raw, contact, change, AuditKind.IGNORED, "property " + change.property()
                + " is not one our rules keep", "ignored", false);
    }

    private Effect stageChanged(RawEvent raw, Contact contact, CrmRecordUpdate.PropertyChanged change) {
        Optional<LifecycleStage> to = change.value().flatMap(normalizer::stage);
        if (to.isEmpty()) {
            return contactEvent(raw, contact, change, AuditKind.IGNORED, "lifecycle stage '"
                    + change.value().orElse("") + "' is not one of our stages", "ignored", false);
        }
        Optional<Effect> echo = echoOrSuperseded(raw, contact, change, "stage", to.get().key());
        if (echo.isPresent()) {
            return echo.get();
        }
        Ruleset ruleset = rules.current();
        ExternalStageChange verdict = ExternalStageChange.judge(ruleset, contact.stage(), to.get(),
                change.origin().byPerson());
        Map<String, String> evidence = evidence(change);
        evidence.put("from", contact.stage().key());
        evidence.put("to", to.get().key());
        if (verdict instanceof ExternalStageChange.Unchanged unchanged) {
            return contactEvent(raw, contact, change, AuditKind.IGNORED,
                    "already " + unchanged.stage().key() + " in our view", "unchanged", change.origin().byPerson());
        }
        if (verdict instanceof ExternalStageChange.Manual manual) {
            evidence.put("manual", "true");
            evidence.put("allowedBy", String.join(", ", manual.allowedBy()));
            evidence.put("backward", Boolean.toString(manual.backward()));
            Effect effect = new Effect("applied");
            effect.save.add(contact.withDecision(manual.to(), contact.ownerId(), contact.fitScore(),
                    contact.behaviorScore(), change.occurredAt()));
            effect.audit.add(event(raw.id(), AuditKind.TRANSITIONED, ProcessEventService.CONTACT,
                    Optional.of(contact.id().toString()), actor(change.origin()), manual.from().key() + " → "
                            + manual.to().key() + " changed by hand in the CRM by "
                            + change.origin().actorName(CRM) + " (respected"
                            + (manual.allowedBy().isEmpty() ? "; no rule would have made this move" : "")
                            + ")", Optional.of(MANUAL_RULE), Optional.of(ruleset.version().hash()), evidence));
            effect.touches.add(new Touch(contact.id(), change.occurredAt(), change.origin().actorName(CRM),
                    "stage-change"));
            return effect;
        }
        if (verdict instanceof ExternalStageChange.AlongRules along) {
            evidence.put("allowedBy", String.join(", ", along.allowedBy()));
            Effect effect = new Effect("applied");
            effect.save.add(contact.withDecision(along.to(), contact.ownerId(), contact.fitScore(),
                    contact.behaviorScore(), change.occurredAt()));
            effect.audit.add(event(raw.id(), AuditKind.TRANSITIONED, ProcessEventService.CONTACT,
                    Optional.of(contact.id().toString()), actor(change.origin()), along.from().key() + " → "
                            + along.to().key() + " by " + change.origin().actorName(CRM) + " in the CRM, as rule "
                            + along.allowedBy().get(0) + " allows", Optional.of(EXTERNAL_RULE),
                    Optional.of(ruleset.version().hash()), evidence));
            return effect;
        }
        ExternalStageChange.Illegal illegal = (ExternalStageChange.Illegal) verdict;
        evidence.put("reason", illegal.reason());
        Effect effect = new Effect("refused");
        String summary = "illegal transition " + illegal.from().key() + " → " + illegal.to().key() + " by "
                + change.origin().actorName(CRM) + " refused: " + illegal.reason();
        effect.audit.add(event(raw.id(), AuditKind.REJECTED, ProcessEventService.CONTACT,
                Optional.of(contact.id().toString()), actor(change.origin()), summary,
                Optional.of(EXTERNAL_RULE), Optional.of(ruleset.version().hash()), evidence));
        effect.warnings.add("contact " + contact.id() + ": " + summary + " (HubSpot event "
                + change.eventId() + ")");
        return effect;
    }

    private Effect ownerChanged(RawEvent raw, Contact contact, CrmRecordUpdate.PropertyChanged change) {
        Optional<String> owner = change.value();
        Optional<Effect> echo = echoOrSuperseded(raw, contact, change, "owner", owner.orElse(""));
        if (echo.isPresent()) {
            return echo.get();
        }
        if (owner.equals(contact.ownerId())) {
            return contactEvent(raw, contact, change, AuditKind.IGNORED, "already owned by "
                    + owner.orElse("nobody") + " in our view", "unchanged", change.origin().byPerson());
        }
        boolean byPerson = change.origin().byPerson();
        Map<String, String> evidence = evidence(change);
        evidence.put("target", owner.orElse("unassigned"));
        evidence.put("ownerBefore", contact.ownerId().orElse(""));
        evidence.put("ownerAfter", owner.orElse(""));
        evidence.put("manual", Boolean.toString(byPerson));
        evidence.put("reason", (byPerson ? "assigned by hand in the CRM by " : "assigned in the CRM by ")
                + change.origin().actorName(CRM));
        Effect effect = new Effect("applied");
        effect.save.add(contact.withDecision(contact.stage(), owner, contact.fitScore(), contact.behaviorScore(),
                change.occurredAt()));
        effect.audit.add(event(raw.id(), AuditKind.ROUTED, ProcessEventService.CONTACT,
                Optional.of(contact.id().toString()), actor(change.origin()), "owner "
                        + contact.ownerId().orElse("none") + " → " + owner.orElse("none") + " changed "
                        + (byPerson ? "by hand " : "") + "in the CRM by " + change.origin().actorName(CRM),
                Optional.of(byPerson ? MANUAL_RULE : EXTERNAL_RULE), Optional.of(rules.current().version().hash()),
                evidence));
        return effect;
    }

    /**
     * Our own write coming back, or a change our later write already replaced. A person's change is never an
     * echo: our writes reach the CRM as an integration's.
     */
    private Optional<Effect> echoOrSuperseded(RawEvent raw, Contact contact, CrmRecordUpdate.PropertyChanged change,
            String property, String value) {
        ChangeOrigin origin = change.origin();
        if (!origin.byPerson()) {
            boolean ownApp = origin.sourceId().filter(ownAppIds::contains).isPresent();
            List<String> ours = ledger.valuesSince(contact.id(), property, change.occurredAt().minus(ECHO_WINDOW));
            if (ownApp || ours.contains(value)) {
                return Optional.of(contactEvent(raw, contact, change, AuditKind.IGNORED, "echo of our own write ("
                        + property + " " + (value.isEmpty() ? "none" : value) + "): not applied, nothing written back",
                        "echo", false));
            }
        }
        Optional<Instant> ourLast = ledger.lastChanged(contact.id(), property);
        if (ourLast.isPresent() && ourLast.get().isAfter(change.occurredAt())) {
            return Optional.of(contactEvent(raw, contact, change, AuditKind.IGNORED, "superseded: our view's "
                    + property + " changed at " + ourLast.get() + ", after this change (" + change.occurredAt() + ")",
                    "superseded", origin.byPerson()));
        }
        return Optional.empty();
    }

    private Effect deleted(RawEvent raw, Contact contact, CrmRecordUpdate.Deleted deleted) {
        Effect effect = new Effect("applied");
        effect.save.add(contact.withoutCrmId(deleted.occurredAt()));
        effect.audit.add(event(raw.id(), AuditKind.CRM_UPDATED, ProcessEventService.CONTACT,
                Optional.of(contact.id().toString()), actor(deleted.origin()), "CRM contact " + deleted.objectId()
                        + " deleted in the CRM by " + deleted.origin().actorName(CRM)
                        + "; our decision history stays, without a CRM id", Optional.empty(), Optional.empty(),
                evidence(deleted)));
        return effect;
    }

    private Effect merged(RawEvent raw, CrmRecordUpdate.Merged merged) {
        Effect effect = Effect.ignored("ignored");
        for (CrmObjectId gone : merged.merged()) {
            for (UUID id : ledger.contactsWithCrmId(gone)) {
                Optional<Contact> contact = stores.contacts().findById(id);
                if (contact.isEmpty()) {
                    continue;
                }
                Effect one = new Effect("applied");
                one.save.add(contact.get().withCrmId(merged.objectId(), merged.occurredAt()));
                Map<String, String> evidence = evidence(merged);
                evidence.put("crmIdBefore", gone.value());
                evidence.put("crmIdAfter", merged.objectId().value());
                one.audit.add(event(raw.id(), AuditKind.MERGED, ProcessEventService.CONTACT,
                        Optional.of(id.toString()), actor(merged.origin()), "CRM contact " + gone
                                + " merged into " + merged.objectId() + " in the CRM by "
                                + merged.origin().actorName(CRM), Optional.empty(), Optional.empty(), evidence));
                effect = effect.and(one);
            }
        }
        if (effect.audit.isEmpty()) {
            effect.audit.add(event(raw.id(), AuditKind.IGNORED, ProcessEventService.EVENT,
                    Optional.of(raw.id().toString()), actor(merged.origin()), "merge into " + merged.objectId()
                            + " touches no contact of ours", Optional.empty(), Optional.empty(), evidence(merged)));
        }
        return effect;
    }

    private Effect contactEvent(RawEvent raw, Contact contact, CrmRecordUpdate update, AuditKind kind, String summary,
            String outcome, boolean touch) {
        Effect effect = new Effect(outcome);
        effect.audit.add(event(raw.id(), kind, ProcessEventService.CONTACT, Optional.of(contact.id().toString()),
                actor(update.origin()), summary, Optional.empty(), Optional.empty(), evidence(update)));
        if (touch) {
            effect.touches.add(new Touch(contact.id(), update.occurredAt(), update.origin().actorName(CRM),
                    "edit:" + update.kind()));
        }
        return effect;
    }

    private static Map<String, String> evidence(CrmRecordUpdate update) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("eventType", CrmRecordUpdate.EVENT_TYPE);
        evidence.put("crmEventId", update.eventId());
        evidence.put("subscriptionType", update.kind());
        evidence.put("crmId", update.objectId().value());
        evidence.put("occurredAt", update.occurredAt().toString());
        evidence.put("changeSource", update.origin().changeSource());
        evidence.put("sourceId", update.origin().sourceId().orElse(""));
        evidence.put("actor", update.origin().actorName(CRM));
        if (update instanceof CrmRecordUpdate.PropertyChanged change) {
            evidence.put("property", change.property());
            // Stage, owner and activity timestamps only: another property's value may be personal data (a new
            // email, a phone number), which the audit trail has no need to keep.
            if (TRACKED.contains(change.property())) {
                evidence.put("value", change.value().orElse(""));
            }
        }
        if (update instanceof CrmRecordUpdate.Merged merged) {
            evidence.put("mergedObjectIds", String.join(",", merged.merged().stream().map(CrmObjectId::value)
                    .toList()));
        }
        return evidence;
    }

    private static Set<String> trackedProperties() {
        Set<String> tracked = new java.util.HashSet<>(HubSpotCrmEvents.ACTIVITY_PROPERTIES);
        tracked.add(HubSpotCrmEvents.STAGE_PROPERTY);
        tracked.add(HubSpotCrmEvents.OWNER_PROPERTY);
        return Set.copyOf(tracked);
    }

    private static Actor actor(ChangeOrigin origin) {
        return origin.byPerson() ? Actor.user(origin.actorName(CRM)) : Actor.system(origin.actorName(CRM));
    }

    private AuditEvent event(UUID correlation, AuditKind kind, String entityType, Optional<String> entityId,
            Actor actor, String summary, Optional<String> ruleId, Optional<String> version,
            Map<String, String> evidence) {
        return new AuditEvent(ids.newId(), clock.instant(), kind, entityType, entityId, correlation, actor, summary,
                ruleId, version, evidence);
    }

    private ProcessOutcome poison(RawEvent raw, String reason) {
        stores.transactions().inRetryableTransaction(() -> {
            stores.audit().append(event(raw.id(), AuditKind.FAILED, ProcessEventService.EVENT,
                    Optional.of(raw.id().toString()), Actor.system("crm-webhooks"),
                    "event cannot be processed: " + reason, Optional.empty(), Optional.empty(),
                    Map.of("reason", reason)));
            stores.events().updateStatus(raw.id(), EventStatus.DEAD, Optional.of(reason));
            return null;
        });
        return new ProcessOutcome.Poison(reason);
    }

    private record Touch(UUID contactId, Instant at, String by, String kind) {
    }

    /** What one CRM event does: contacts to save, touches, audit events, warnings, and its outcome word. */
    private static final class Effect {
        private final String outcome;
        private final List<Contact> save = new ArrayList<>();
        private final List<Touch> touches = new ArrayList<>();
        private final List<AuditEvent> audit = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Effect(String outcome) {
            this.outcome = outcome;
        }

        static Effect ignored(String outcome) {
            return new Effect(outcome);
        }

        /** Several contacts under one CRM id: the strongest outcome names the event. */
        Effect and(Effect other) {
            Effect combined = new Effect(rank(other.outcome) > rank(outcome) ? other.outcome : outcome);
            for (Effect part : List.of(this, other)) {
                combined.save.addAll(part.save);
                combined.touches.addAll(part.touches);
                combined.audit.addAll(part.audit);
                combined.warnings.addAll(part.warnings);
            }
            return combined;
        }

        private static int rank(String outcome) {
            return List.of("ignored", "unchanged", "superseded", "echo", "touched", "applied", "refused")
                    .indexOf(outcome);
        }
    }
}
