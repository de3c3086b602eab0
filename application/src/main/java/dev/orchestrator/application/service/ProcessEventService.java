package dev.orchestrator.application.service;

import dev.orchestrator.application.normalize.LeadNormalizer;
import dev.orchestrator.application.normalize.SignalNormalizer;
import dev.orchestrator.application.normalize.UnreadablePayload;
import dev.orchestrator.application.normalize.UnprocessablePayload;
import dev.orchestrator.application.port.in.ClassifyLeadCommand;
import dev.orchestrator.application.port.in.ClassifyLeadUseCase;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.LeadClassification;
import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.CompanyChoices;
import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.application.port.out.SignalStore.NewSignal;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmCompany;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.rules.LeadFacts;
import dev.orchestrator.application.rules.RuleEvidence;
import dev.orchestrator.application.rules.ShadowEvaluation;
import dev.orchestrator.application.validate.LeadValidator;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.application.validate.ValidationResult;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.intake.ActivityEvent;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.intake.LeadEvent;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.RoutingTarget;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.ScoreContribution;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.shared.DomainViolation;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The pipeline over one stored event. A form lead is normalized, validated, enriched, scored, moved through the
 * lifecycle, routed and written to the CRM (company, contact, association); an activity signal is recorded and,
 * for a known contact, the rules are evaluated again. Every step is an audit event of the event's trace.
 *
 * <p>CRM calls happen outside any database transaction; our own state (contact, company, signals, audit trail,
 * event status) is written in one transaction afterwards. A retry after a crash between the two finds the CRM
 * records by email and domain and updates them, so nothing is written twice. Through a worker's wave
 * ({@link #openWave}) a lead's own state waits and is written with the wave's other leads' in one transaction.
 */
public final class ProcessEventService implements ProcessEventUseCase, StoredEventPipeline {
    static final String CONTACT = "contact";
    static final String COMPANY = "company";
    static final String EVENT = "event";
    static final String FORM_SUBMITTED = "form_submitted";
    /** Events the scheduled lifecycle sweep stores for itself; never accepted over HTTP. */
    public static final String SWEEP_SOURCE = "sweep";
    /** How far back signals are read: longer than any window the shipped ruleset uses. */
    static final Duration SIGNAL_HORIZON = Duration.ofDays(180);

    private final PayloadParser parser;
    private final Map<String, LeadNormalizer> leadNormalizers;
    private final SignalNormalizer signalNormalizer;
    private final LeadValidator validator;
    private final CompanyEnricher enricher;
    private final ClassifyLeadUseCase classifier;
    private final CrmGateway crm;
    private final ActiveRuleset rules;
    private final Supplier<OwnerRoster> owners;
    private final RoutingRotation rotation;
    private final AccountMatching accounts;
    private final PipelineStores stores;
    private final IdGenerator ids;
    private final Clock clock;
    private final SqlDeals sqlDeals;
    private final ShadowEvaluation shadow;
    private final ContactMerging merging;
    private final Optional<ActionPlanner> actions;

    public ProcessEventService(PayloadParser parser, Map<String, LeadNormalizer> leadNormalizers,
            SignalNormalizer signalNormalizer, LeadValidator validator, CompanyEnricher enricher,
            ClassifyLeadUseCase classifier, CrmGateway crm, ActiveRuleset rules, Supplier<OwnerRoster> owners, RoutingRotation rotation, AccountMatching accounts,
            PipelineStores stores, IdGenerator ids, Clock clock, ContactMerging merging, PipelineOptions options) {
        this.merging = merging;
        this.sqlDeals = options.sqlDeals();
        this.shadow = options.shadow();
        this.actions = options.actions();
        this.parser = parser;
        this.leadNormalizers = Map.copyOf(leadNormalizers);
        this.signalNormalizer = signalNormalizer;
        this.validator = validator;
        this.enricher = enricher;
        this.classifier = classifier;
        this.crm = crm;
        this.rules = rules;
        this.owners = owners;
        this.rotation = rotation;
        this.accounts = accounts;
        this.stores = stores;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ProcessOutcome process(ProcessEventCommand command) {
        return process(read(command));
    }

    /** The pipeline over an event its caller has read already. */
    @Override
    public ProcessOutcome process(RawEvent raw) {
        return run(raw, immediate);
    }

    /** A worker's batch whose leads' final writes are committed together ({@link LeadWave}). */
    @Override
    public LeadWave openWave() {
        return new LeadWave(this, stores.transactions(), this::writeAll, clock);
    }

    RawEvent read(ProcessEventCommand command) {
        UUID eventId = command.eventId();
        return command.read().or(() -> stores.events().find(eventId))
                .orElseThrow(() -> new IllegalStateException("job refers to a missing event " + eventId));
    }

    /** Each lead's final writes in their own transaction, at once. */
    private final FinalWrites immediate = new FinalWrites() {
        @Override
        public void beforeReading(Supplier<Set<String>> keys) {
        }

        @Override
        public void write(LeadWrites lead) {
            stores.transactions().inRetryableTransaction(() -> {
                writeAll(List.of(lead));
                return null;
            });
        }
    };

    ProcessOutcome run(RawEvent raw, FinalWrites writes) {
        UUID eventId = raw.id();
        Optional<ProcessOutcome> decided = alreadyDecided(raw);
        if (decided.isPresent()) {
            return decided.get();
        }
        AuditTrail trail = new AuditTrail(eventId, ids, clock);
        PayloadParser.Parsed parsed = parser.parse(raw.body());
        if (parsed instanceof PayloadParser.Unparseable unparseable) {
            return poison(eventId, trail, unparseable.reason());
        }
        PayloadTree tree = ((PayloadParser.Ok) parsed).tree();
        try {
            if (signalNormalizer.handles(raw.source())) {
                return activity(raw, tree, trail, writes);
            }
            if (raw.source().equals(SWEEP_SOURCE)) {
                return sweep(raw, tree, trail, writes);
            }
            LeadNormalizer normalizer = leadNormalizers.get(raw.source());
            if (normalizer == null) {
                return poison(eventId, trail, "no field map for source '" + raw.source() + "'");
            }
            return lead(raw, normalizer, normalizer.normalize(raw.source(), raw.sourceEventId(), tree), trail,
                    writes);
        } catch (UnprocessablePayload e) {
            return poison(eventId, trail, e.getMessage());
        } catch (UnreadablePayload e) {
            trail.record(AuditKind.NORMALIZED, EVENT, Optional.of(eventId.toString()), "normalizer",
                    "field map " + e.fieldMapVersion() + " cannot read the payload",
                    Map.of("fieldMap", e.fieldMapVersion()));
            return toReview(eventId, trail, e.problems());
        } catch (DomainViolation e) {
            return toReview(eventId, trail, List.of(new FieldProblem(e.field(), e.reason())));
        }
    }

    /**
     * An event whose outcome was committed is not processed again. Its job comes back only when marking the job
     * finished failed after that commit (a lost connection, a crash); every deliberate re-run (retry, dead-letter
     * replay, review resolution) first sets the event back to {@code received}.
     */
    private static Optional<ProcessOutcome> alreadyDecided(RawEvent raw) {
        String reason = raw.lastError().orElse("decided before");
        return switch (raw.status()) {
            case DONE -> Optional.of(new ProcessOutcome.Done(Optional.empty(), false));
            case REVIEW -> Optional.of(new ProcessOutcome.SentToReview(reason));
            case DEAD -> Optional.of(new ProcessOutcome.Poison(reason));
            default -> Optional.empty();
        };
    }

    private ProcessOutcome lead(RawEvent raw, LeadNormalizer normalizer, LeadEvent lead, AuditTrail trail,
            FinalWrites writes) {
        trail.record(AuditKind.NORMALIZED, CONTACT, Optional.empty(), "normalizer",
                "payload read with field map " + normalizer.version(), normalizedEvidence(normalizer, lead));
        Map<String, String> corrected = stores.reviews().corrections(raw.id());
        if (!corrected.isEmpty()) {
            trail.record(AuditKind.CORRECTED, CONTACT, Optional.empty(), "review",
                    "fields corrected in review: " + String.join(", ", corrected.keySet()), corrected);
        }
        ValidationResult validation = validator.validate(LeadCorrections.apply(lead, corrected));
        if (validation instanceof ValidationResult.Invalid invalid) {
            return toReview(raw.id(), trail, invalid.problems());
        }
        ValidatedLead valid = ((ValidationResult.Valid) validation).lead();
        trail.record(AuditKind.VALIDATED, CONTACT, Optional.empty(), "validator", "all required fields valid",
                orderedMap("email", valid.email().value(), "phone", valid.phoneE164().orElse(""),
                        "companyDomain", valid.companyDomain().orElse("")));
        valid.corrections().forEach(c -> trail.record(AuditKind.CORRECTED, CONTACT, Optional.empty(), c.normalizer(),
                c.field() + " " + c.reason(), orderedMap("field", c.field(), "from", c.from(), "to", c.to(),
                        "normalizer", c.normalizer())));

        Memo<MatchRecord> personProbe = new Memo<>(() -> merging.people().probe(raw.id().toString(), valid));
        writes.beforeReading(() -> WaveKeys.read(valid.email(), valid.companyDomain(), personProbe.get()));
        Instant now = clock.instant();
        Optional<EnrichedCompany> enriched = valid.companyDomain()
                .map(domain -> enrichCompany(domain, valid, trail, now));
        Optional<KnownCompany> company = enriched.map(EnrichedCompany::company);
        LeadClassification classification = classify(ClassifyLeadCommand.forLead(valid, company), trail);

        Optional<CrmContact> existingByEmail = crm.findContactByEmail(valid.email());
        trail.record(AuditKind.CRM_SEARCHED, CONTACT, Optional.empty(), crm.name(),
                existingByEmail.map(c -> "found CRM contact " + c.id()).orElse("no CRM contact with this email"),
                orderedMap("crm", crm.name(), "email", valid.email().value(),
                        "found", existingByEmail.map(c -> c.id().value()).orElse("")));

        Optional<Contact> knownByEmail = stores.contacts().findByEmail(valid.email());
        PersonMatch person = existingByEmail.isEmpty() && knownByEmail.isEmpty()
                ? matchPerson(personProbe.get(), trail) : PersonMatch.noCandidate();
        Optional<CrmContact> matched = person.isDuplicate()
                ? person.crmContactId().flatMap(id -> crmContact(person)) : Optional.empty();
        Optional<CrmContact> existing = matched.or(() -> existingByEmail);
        matched.ifPresent(m -> writes.beforeReading(() -> Set.of(WaveKeys.email(m.email()))));
        Optional<Contact> known = matched.isPresent() ? stores.contacts().findByEmail(matched.get().email())
                : knownByEmail;
        Map<String, String> facts = LeadFacts.record(valid);
        Contact contact = known
                .map(c -> c.withDetails(valid.name(), valid.company(), valid.companyDomain(), valid.phoneE164(),
                        facts, now))
                .orElseGet(() -> new Contact(ids.newId(), matched.map(CrmContact::email).orElse(valid.email()),
                        valid.name(), valid.company(), valid.companyDomain(), valid.phoneE164(),
                        matched.map(CrmContact::id), LifecycleStage.LEAD, matched.flatMap(CrmContact::ownerId), 0, 0,
                        facts, now, now));

        // A submission time in the future is the sender's clock, not a fact: the receipt time stands in.
        Instant submitted = lead.submittedAt().filter(at -> !at.isAfter(now)).orElse(now);
        List<Signal> signals = signals(contact, now);
        signals.add(new Signal(FORM_SUBMITTED, submitted));
        Decision decision = decide(contact, company, signals, now, trail, classification);
        Optional<ContactMerge> merge = matched.map(m -> ContactMerge.of(merging.policy(), m, known, valid,
                decision.ownerId(), crm.name(), now));
        Contact mergedContact = merge.map(m -> merged(contact, m, matched.get(), trail, now)).orElse(contact);
        Optional<String> owner = merge.map(m -> m.result(dev.orchestrator.domain.merge.MergePolicy.OWNER,
                decision.ownerId())).orElse(decision.ownerId());
        Contact decided = mergedContact.withDecision(decision.stage(), owner, decision.fit(),
                decision.behavior(), now);

        ContactDraft draft = merge.isPresent()
                ? merge.get().draft(matched.get(), Optional.of(decided.stage().key()))
                : new ContactDraft(valid.email(), valid.name(), valid.company(), valid.phoneE164(),
                        Optional.of(decided.stage().key()), decided.ownerId());
        CrmObjectId crmId;
        boolean created = existing.isEmpty();
        if (existing.isPresent()) {
            crmId = existing.get().id();
            crm.updateContact(crmId, draft);
        } else {
            crmId = crm.createContact(draft);
        }
        Optional<KnownCompany> companyWithCrm = enriched.map(c -> writeCompany(c.company(), valid, raw.id(), trail,
                now, c.firmographics()));
        companyWithCrm.flatMap(KnownCompany::crmId)
                .ifPresent(companyId -> crm.associateContactWithCompany(crmId, new CrmObjectId(companyId)));
        sqlDeals.onStage(contact.stage(), decided, crmId, companyWithCrm.flatMap(KnownCompany::crmId), crm.name(),
                trail);
        Contact written = decided.withCrmId(crmId, now);
        trail.record(AuditKind.CRM_WRITTEN, CONTACT, Optional.of(written.id().toString()), crm.name(),
                (created ? "created" : "updated") + " CRM contact " + crmId,
                orderedMap("crm", crm.name(), "crmId", crmId.value(), "operation", created ? "create" : "update",
                        "stage", written.stage().key(), "owner", written.ownerId().orElse(""),
                        "company", companyWithCrm.flatMap(KnownCompany::crmId).orElse("")));

        Optional<KnownCompany> companyChanged = enriched.flatMap(e -> companyWithCrm.flatMap(e::changed));
        writes.write(new LeadWrites(raw.id(), written, companyChanged,
                companyChanged.flatMap(c -> c.crmId().map(id -> accounts.record(id, c.name().orElse(""),
                        c.domain(), c.country().orElse("")))),
                merging.people().record(crmId, written),
                person.isPossibleDuplicate() && created
                        ? Optional.of(new LeadWrites.DuplicateReview("possible-duplicate-contact",
                                duplicateContactProblems(crmId, person, valid), now))
                        : Optional.empty(),
                new NewSignal(raw.id(), written.email(), FORM_SUBMITTED, submitted, Optional.empty()),
                trail.eventsFor(CONTACT, written.id().toString()), trail.dueActions()));
        return new ProcessOutcome.Done(Optional.of(crmId.value()), created);
    }

    /**
     * Leads' final writes, inside the caller's transaction: a statement per table for all of them (a wave's), in
     * the order one lead's were always written.
     */
    private void writeAll(List<LeadWrites> leads) {
        stores.contacts().saveAll(leads.stream().map(LeadWrites::contact).toList());
        leads.forEach(lead -> lead.company().ifPresent(stores.companies()::save));
        accounts.rememberAll(leads.stream().flatMap(lead -> lead.account().stream()).toList());
        merging.people().rememberAll(leads.stream().flatMap(lead -> lead.person().stream()).toList());
        leads.forEach(lead -> lead.review().ifPresent(review -> stores.reviews().open(lead.eventId(),
                review.reason(), review.problems(), review.at())));
        stores.signals().recordAll(leads.stream().map(LeadWrites::signal).toList());
        stores.audit().appendAll(leads.stream().flatMap(lead -> lead.audit().stream()).toList());
        actions.ifPresent(outbox -> leads.forEach(lead -> outbox.queue(lead.eventId(), lead.contact(),
                lead.actions())));
        Map<UUID, String> done = new LinkedHashMap<>();
        leads.forEach(lead -> done.put(lead.eventId(), lead.contact().email().value()));
        stores.events().markAllDone(done);
    }

    /** A value computed once, when first asked for (the person probe serves the wave's keys and the lookup). */
    private static final class Memo<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private T value;

        Memo(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }

    private ProcessOutcome activity(RawEvent raw, PayloadTree tree, AuditTrail trail, FinalWrites writes) {
        SignalNormalizer.Normalized normalized = signalNormalizer.normalize(raw.source(), raw.sourceEventId(), tree);
        if (normalized instanceof SignalNormalizer.Skipped skipped) {
            return skipped(raw, skipped, trail);
        }
        SignalNormalizer.Read read = (SignalNormalizer.Read) normalized;
        ActivityEvent activity = read.signal();
        Map<String, String> evidence = orderedMap("type", activity.type(), "email", activity.email().value(),
                "occurredAt", activity.occurredAt().toString(), "url", activity.url().orElse(""),
                "eventType", read.eventType(), "fieldMap", read.fieldMapVersion());
        evidence.putAll(read.details());
        trail.record(AuditKind.NORMALIZED, CONTACT, Optional.empty(), "normalizer",
                "signal " + activity.type() + " read with field map " + read.fieldMapVersion(), evidence);
        Optional<Signal> signal = Optional.of(new Signal(activity.type(), activity.occurredAt()));
        writes.beforeReading(() -> Set.of(WaveKeys.email(activity.email())));
        Optional<Contact> known = stores.contacts().findByEmail(activity.email());
        Optional<Contact> decided = known.map(contact -> reevaluate(contact, signal, trail, writes));
        if (known.isEmpty()) {
            trail.record(AuditKind.VALIDATED, CONTACT, Optional.empty(), "pipeline",
                    "signal kept for " + activity.email() + ", who is not a contact yet",
                    orderedMap("email", activity.email().value(), "type", activity.type()));
        }
        return finish(raw, activity.email(), decided, trail, () -> stores.signals().record(raw.id(), activity.email(),
                activity.type(), activity.occurredAt(), activity.url()));
    }

    /** An event type of a signal source that no map takes (Stripe's {@code customer.created}): done, nothing written. */
    private ProcessOutcome skipped(RawEvent raw, SignalNormalizer.Skipped skipped, AuditTrail trail) {
        trail.record(AuditKind.NORMALIZED, EVENT, Optional.of(raw.id().toString()), "normalizer",
                "not an event this source's field map takes: " + skipped.reason(),
                orderedMap("fieldMap", skipped.fieldMapVersion(), "skipped", skipped.reason()));
        stores.transactions().inRetryableTransaction(() -> {
            stores.audit().appendAll(trail.events());
            stores.events().updateStatus(raw.id(), EventStatus.DONE, Optional.empty());
            return null;
        });
        return new ProcessOutcome.Done(Optional.empty(), false);
    }

    /**
     * The scheduled sweep's event ({@code {"email", "sweptAt"}}): time has passed, so the rules are asked again
     * (90 days without activity → nurture, and any other rule that reads time).
     */
    private ProcessOutcome sweep(RawEvent raw, PayloadTree tree, AuditTrail trail, FinalWrites writes) {
        EmailAddress email = EmailAddress.parse(tree.text("email")
                .orElseThrow(() -> new DomainViolation("email", "is required")));
        trail.record(AuditKind.NORMALIZED, CONTACT, Optional.empty(), "sweep",
                "scheduled re-evaluation of " + email, orderedMap("email", email.value(),
                        "sweptAt", tree.text("sweptAt").orElse("")));
        writes.beforeReading(() -> Set.of(WaveKeys.email(email)));
        Optional<Contact> decided = stores.contacts().findByEmail(email)
                .map(contact -> reevaluate(contact, Optional.empty(), trail, writes));
        return finish(raw, email, decided, trail, () -> { });
    }

    /** The rules asked again for a known contact; the CRM told only when the stage or the owner changed. */
    private Contact reevaluate(Contact contact, Optional<Signal> newSignal, AuditTrail trail, FinalWrites writes) {
        contact.companyDomain().ifPresent(domain -> writes.beforeReading(() -> Set.of(WaveKeys.domain(domain))));
        Instant now = clock.instant();
        List<Signal> signals = signals(contact, now);
        newSignal.ifPresent(signals::add);
        Optional<KnownCompany> company = contact.companyDomain().flatMap(stores.companies()::find);
        Decision decision = decide(contact, company, signals, now, trail,
                classify(ClassifyLeadCommand.forFacts(contact.facts(), company), trail));
        Contact updated = contact.withDecision(decision.stage(), decision.ownerId(), decision.fit(),
                decision.behavior(), now);
        boolean changed = updated.stage() != contact.stage() || !updated.ownerId().equals(contact.ownerId());
        if (changed && contact.crmId().isPresent()) {
            crm.updateContact(contact.crmId().get(), new ContactDraft(contact.email(), contact.name(),
                    Optional.empty(), Optional.empty(), Optional.of(updated.stage().key()), updated.ownerId()));
            trail.record(AuditKind.CRM_WRITTEN, CONTACT, Optional.of(contact.id().toString()), crm.name(),
                    "updated CRM contact " + contact.crmId().get(), orderedMap("crm", crm.name(),
                            "crmId", contact.crmId().get().value(), "operation", "update",
                            "stage", updated.stage().key(), "owner", updated.ownerId().orElse("")));
            sqlDeals.onStage(contact.stage(), updated, contact.crmId().get(), company.flatMap(KnownCompany::crmId),
                    crm.name(), trail);
        }
        return updated;
    }

    private ProcessOutcome finish(RawEvent raw, EmailAddress email, Optional<Contact> decided, AuditTrail trail,
            Runnable alsoInTransaction) {
        stores.transactions().inRetryableTransaction(() -> {
            decided.ifPresent(stores.contacts()::save);
            alsoInTransaction.run();
            stores.audit().appendAll(decided.isPresent() ? trail.eventsFor(CONTACT, decided.get().id().toString())
                    : trail.events());
            decided.ifPresent(contact -> actions.ifPresent(outbox -> outbox.queue(raw.id(), contact,
                    trail.dueActions())));
            stores.events().markDone(raw.id(), email.value());
            return null;
        });
        return new ProcessOutcome.Done(decided.flatMap(Contact::crmId).map(CrmObjectId::value), false);
    }

    private record Decision(LifecycleStage stage, Optional<String> ownerId, int fit, int behavior) {
    }

    /** Scores, lifecycle and routing under the active ruleset, each recorded with the rule and its conditions. */
    private Decision decide(Contact contact, Optional<KnownCompany> company, List<Signal> signals, Instant now,
            AuditTrail trail, LeadClassification classification) {
        Ruleset ruleset = rules.current();
        String version = ruleset.version().hash();
        OwnerRoster owners = this.owners.get();
        EvaluationContext context = classification.applyTo(new EvaluationContext(LeadFacts.values(contact.facts()),
                company.map(LeadFacts::company).orElse(Map.of()), Map.of(), signals, contact.stage(),
                contact.fitScore(), contact.behaviorScore(), contact.ownerId().flatMap(owners::find), Optional.empty(),
                now));
        OwnerRoster roster = RulesEngine.needsOwner(context) ? withOpenLeads(owners, now) : owners;
        Evaluation evaluation = rotation.evaluate(state -> RulesEngine.evaluate(ruleset, context, roster, state));
        trail.due(evaluation.actions());
        String contactId = contact.id().toString();
        observeShadow(new ShadowEvaluation.Observation(trail.correlationId(), contactId, context, roster, evaluation));

        Map<String, String> scoreEvidence = orderedMap("fit", Integer.toString(evaluation.score().fit()),
                "behavior", Integer.toString(evaluation.score().behavior()));
        int n = 1;
        for (ScoreContribution contribution : evaluation.score().contributions()) {
            scoreEvidence.put("contribution." + n + ".rule", contribution.ruleId());
            scoreEvidence.put("contribution." + n + ".points", Integer.toString(contribution.points()));
            String prefix = "contribution." + n;
            scoreEvidence.put(prefix + ".when", contribution.conditions().stream().map(c -> c.expr())
                    .collect(Collectors.joining(" and ")));
            contribution.conditions().forEach(c -> c.values().forEach((field, value) ->
                    scoreEvidence.put(prefix + ".values." + field, value)));
            n++;
        }
        trail.recordRule(AuditKind.SCORED, CONTACT, contactId, "scoring", version, "scored fit "
                + evaluation.score().fit() + ", behavior " + evaluation.score().behavior(), scoreEvidence);
        for (LifecycleTransition transition : evaluation.transitions()) {
            trail.recordRule(AuditKind.TRANSITIONED, CONTACT, contactId, transition.ruleId(), version,
                    transition.from().key() + " → " + transition.to().key() + " by rule " + transition.ruleId(),
                    RuleEvidence.transition(transition));
        }
        Optional<String> owner = contact.ownerId();
        if (evaluation.routing().isPresent()) {
            RoutingDecision routing = evaluation.routing().get();
            trail.recordRule(AuditKind.ROUTED, CONTACT, contactId, routing.ruleId(), version,
                    "routed to " + routing.target().label() + " by rule " + routing.ruleId(),
                    RuleEvidence.routing(routing));
            if (routing.target() instanceof RoutingTarget.Owner assigned) {
                owner = Optional.of(assigned.ownerId());
            }
        }
        return new Decision(evaluation.stage(), owner, evaluation.score().fit(), evaluation.score().behavior());
    }

    /** The ruleset in shadow sees what the live one saw; whatever happens there, the live event goes on. */
    private void observeShadow(ShadowEvaluation.Observation observation) {
        try {
            shadow.observe(observation);
        } catch (RuntimeException e) {
            // a shadow failure must never fail the live event; the shadow logs its own failures
        }
    }

    /**
     * The roster with each owner's open leads, for caps. Counting is a scan of the contacts, so the counts are
     * reused for a few seconds: a cap may be overshot by the leads routed in that time, never by more.
     */
    private OwnerRoster withOpenLeads(OwnerRoster roster, Instant now) {
        OpenLeads cached = openLeads;
        if (cached == null || now.isAfter(cached.countedAt().plus(OPEN_LEADS_REUSE))) {
            cached = new OpenLeads(stores.contacts().openLeadsByOwner(), now);
            openLeads = cached;
        }
        Map<String, Integer> open = cached.byOwner();
        for (Map.Entry<String, Integer> entry : open.entrySet()) {
            Optional<dev.orchestrator.domain.rules.OwnerState> state = roster.find(entry.getKey());
            if (state.isPresent()) {
                roster = roster.with(state.get().withOpenLeads(entry.getValue()));
            }
        }
        return roster;
    }

    private record OpenLeads(Map<String, Integer> byOwner, Instant countedAt) {
    }

    private static final Duration OPEN_LEADS_REUSE = Duration.ofSeconds(5);
    private volatile OpenLeads openLeads;

    private List<Signal> signals(Contact contact, Instant now) {
        List<Signal> signals = new ArrayList<>();
        for (StoredSignal stored : stores.signals().since(contact.email(), now.minus(SIGNAL_HORIZON))) {
            signals.add(new Signal(stored.type(), stored.occurredAt()));
        }
        return signals;
    }

    /** The classifier's proposal (or why there is none), recorded in the trace; only rules act on it. */
    private LeadClassification classify(ClassifyLeadCommand command, AuditTrail trail) {
        LeadClassification classification = classifier.classify(command);
        trail.record(AuditKind.CLASSIFIED, CONTACT, Optional.empty(), "classifier", classification.summary(),
                classification.evidence());
        return classification;
    }

    /** Firmographics from the enrichment waterfall, merged onto what we knew about the company. */
    private EnrichedCompany enrichCompany(String domain, ValidatedLead lead, AuditTrail trail, Instant now) {
        Optional<KnownCompany> known = stores.companies().find(domain);
        EnrichmentReport report = enricher.enrich(new RegistrableDomain(domain));
        Map<String, String> evidence = orderedMap("domain", domain);
        evidence.putAll(report.auditEvidence());
        trail.record(AuditKind.ENRICHED, CONTACT, Optional.empty(), "enrichment", report.summary(), evidence);
        return new EnrichedCompany(CompanyFirmographics.merge(domain, known, lead.company(), report.firmographics(),
                now), report.firmographics(), known);
    }

    /**
     * The company as we know it after enrichment, what enrichment said (with providers) for the CRM, and the row
     * as it was before this lead.
     */
    private record EnrichedCompany(KnownCompany company, Firmographics firmographics, Optional<KnownCompany> before) {
        /**
         * The company after the CRM write, or empty when it says nothing the stored row does not: many leads from
         * one account would otherwise each rewrite its row (and its identity keys) and queue behind that row's lock.
         */
        Optional<KnownCompany> changed(KnownCompany written) {
            return before.filter(b -> CompanyFirmographics.sameFacts(b, written)).isPresent() ? Optional.empty()
                    : Optional.of(written);
        }
    }

    /**
     * Search-before-create for the company: the exact domain first, then the identity index, so a lead from
     * {@code jane@acme.co.uk} whose form says "ACME Corp" finds the account "Acme Corporation" at acme.com. A match
     * is used as is; a possible match is written as a new company and put to review beside the candidate.
     *
     * <p>The choice is kept before the CRM writes that act on it, and a re-run of the event (the worker died after
     * linking the contact) links the company kept, not the one the CRM as it is now would suggest. A run that died
     * between planning a new company and learning its id looks it up by domain, and creates it only if it is not
     * there: it does not consult the index again.
     */
    private KnownCompany writeCompany(KnownCompany company, ValidatedLead lead, UUID eventId, AuditTrail trail,
            Instant now, Firmographics firmographics) {
        Optional<CompanyChoices.CompanyChoice> earlier = accounts.chosen(eventId, company.domain());
        Optional<CrmObjectId> kept = earlier.flatMap(CompanyChoices.CompanyChoice::crmCompanyId)
                .map(CrmObjectId::new);
        CompanyDraft draft = new CompanyDraft(company.domain(), lead.company());
        CrmObjectId id;
        String operation;
        if (kept.isPresent()) {
            id = kept.get();
            operation = "kept from an earlier run (" + earlier.get().how() + ")";
        } else {
            Optional<CrmCompany> existing = crm.findCompanyByDomain(company.domain());
            if (existing.isPresent()) {
                operation = "found by domain";
                id = keep(eventId, company, Optional.of(existing.get().id()), operation, now);
                if (lead.company().isPresent() && existing.get().name().isEmpty() && id.equals(existing.get().id())) {
                    crm.updateCompany(id, draft);
                }
            } else {
                // A plan to create stands: the index, which may have learnt of a look-alike since, is not asked again.
                CompanyMatch match = earlier.isPresent() ? CompanyMatch.noCandidate()
                        : accounts.match(eventId.toString(), lead.company().orElse(""), company.domain(),
                                lead.email().value(), lead.phoneE164().orElse(""), lead.country().orElse(""));
                if (match.isDuplicate() && match.accountId().isPresent()) {
                    operation = "matched account";
                    id = keep(eventId, company, Optional.of(new CrmObjectId(match.accountId().get())), operation, now);
                    trail.record(AuditKind.MATCHED, CONTACT, Optional.empty(), "dedupe",
                            "company matched existing account " + id + " (score "
                                    + String.format(java.util.Locale.ROOT, "%.1f", match.decision().score().total())
                                    + ")", matchEvidence(match));
                } else {
                    operation = "create";
                    // The plan first: a run that dies before the CRM answers is re-run as a plan to create.
                    Optional<String> planned = accounts.choose(eventId, company.domain(), Optional.empty(), operation,
                            now).crmCompanyId();
                    id = planned.isPresent() ? new CrmObjectId(planned.get())
                            : keep(eventId, company, Optional.of(crm.createCompany(draft)), operation, now);
                    if (match.isPossibleDuplicate() && match.accountId().isPresent()) {
                        Map<String, String> evidence = matchEvidence(match);
                        evidence.put("created", id.value());
                        trail.record(AuditKind.MATCHED, CONTACT, Optional.empty(), "dedupe",
                                "possible duplicate of account " + match.accountId().get() + ": sent to review",
                                evidence);
                        stores.reviews().open(eventId, "possible-duplicate-account",
                                duplicateProblems(id, match, lead, company), now);
                    }
                }
            }
        }
        trail.record(AuditKind.CRM_WRITTEN, CONTACT, Optional.empty(), crm.name(), operation + ": CRM company " + id,
                orderedMap("crm", crm.name(), "crmId", id.value(), "domain", company.domain(), "operation", operation));
        writeFirmographics(id, firmographics, trail, now);
        return new KnownCompany(company.domain(), company.name(), Optional.of(id.value()), company.employees(),
                company.industry(), company.revenueRange(), company.fundingStage(), company.country(),
                company.state(), company.technologies(), now);
    }

    /**
     * Keeps the company chosen for the event before any CRM write acts on it; answers the one kept, which is an
     * earlier run's when a concurrent run of the same event got there first.
     */
    private CrmObjectId keep(UUID eventId, KnownCompany company, Optional<CrmObjectId> chosen, String how,
            Instant now) {
        return accounts.choose(eventId, company.domain(), chosen, how, now).crmCompanyId().map(CrmObjectId::new)
                .orElseGet(() -> chosen.orElseThrow(() -> new IllegalStateException(
                        "no company kept for " + company.domain())));
    }

    /**
     * What the review queue shows side by side: this lead's company and the existing account, field by field,
     * then the evidence the matcher weighed (each feature with its weight).
     */
    private static List<FieldProblem> duplicateProblems(CrmObjectId created, CompanyMatch match, ValidatedLead lead,
            KnownCompany company) {
        List<FieldProblem> problems = new ArrayList<>();
        problems.add(new FieldProblem("company", "new company " + created + " may be account "
                + match.accountId().orElse("")));
        problems.add(new FieldProblem("lead.name", lead.company().orElse("")));
        problems.add(new FieldProblem("lead.domain", company.domain()));
        problems.add(new FieldProblem("lead.country", lead.country().orElse("")));
        match.account().ifPresent(account -> {
            problems.add(new FieldProblem("account.name", account.company().raw()));
            problems.add(new FieldProblem("account.domain", account.domains().stream()
                    .map(d -> d.registrable()).sorted().collect(Collectors.joining(", "))));
            problems.add(new FieldProblem("account.country", account.country().orElse("")));
        });
        match.decision().score().features().forEach(f -> problems.add(new FieldProblem("evidence." + f.name(),
                f.value() + " (" + String.format(java.util.Locale.ROOT, "%+.1f", f.weight()) + ")")));
        return problems;
    }

    private static Map<String, String> matchEvidence(CompanyMatch match) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("decision", match.decision().getClass().getSimpleName());
        evidence.put("account", match.accountId().orElse(""));
        evidence.put("score", String.format(java.util.Locale.ROOT, "%.2f", match.decision().score().total()));
        match.decision().score().features().forEach(f -> evidence.put("feature." + f.name(),
                f.value() + " (" + String.format(java.util.Locale.ROOT, "%+.1f", f.weight()) + ")"));
        return evidence;
    }

    /**
     * Person dedupe for a lead whose e-mail neither the CRM nor we know: the identity index's candidates compared
     * with the person rules; the best comparison is audited with its evidence whatever it decided.
     */
    private PersonMatch matchPerson(MatchRecord probe, AuditTrail trail) {
        PersonMatch match = merging.people().match(probe);
        if (match.candidate().isPresent()) {
            String summary = match.isDuplicate() ? "same person as CRM contact " + match.crmContactId().get()
                    : match.isPossibleDuplicate() ? "possible duplicate of CRM contact " + match.crmContactId().get()
                            + ": sent to review"
                            : "no person matched (closest: CRM contact " + match.crmContactId().get() + ")";
            trail.record(AuditKind.MATCHED, CONTACT, Optional.empty(), "dedupe", summary + " (score "
                    + String.format(java.util.Locale.ROOT, "%.1f", match.decision().score().total()) + ")",
                    match.evidence());
        }
        return match;
    }

    /** The matched person as the CRM holds it now, found by the e-mail it was indexed with. */
    private Optional<CrmContact> crmContact(PersonMatch match) {
        String wanted = match.crmContactId().orElseThrow();
        return match.candidate().orElseThrow().record().emails().stream().findFirst()
                .flatMap(email -> crm.findContactByEmail(EmailAddress.parse(email)))
                .filter(found -> found.id().value().equals(wanted));
    }

    /** The matched contact with the merge policy's result per field, each decision audited. */
    private Contact merged(Contact contact, ContactMerge merge, CrmContact crmContact, AuditTrail trail, Instant now) {
        for (dev.orchestrator.domain.merge.MergeOutcome outcome : merge.outcomes()) {
            if (outcome.rule().equals("already-equal")) {
                continue;
            }
            Map<String, String> evidence = outcome.evidence();
            evidence.put("crmId", crmContact.id().value());
            trail.record(AuditKind.MERGED, CONTACT, Optional.empty(), "merge-policy",
                    outcome.field() + (outcome.changes() ? " set to '" + outcome.result().value() + "'"
                            : " kept '" + outcome.result().value() + "'") + " by " + outcome.rule() + ": "
                            + outcome.explanation(), evidence);
        }
        dev.orchestrator.domain.crm.PersonName name = new dev.orchestrator.domain.crm.PersonName(
                merge.result(ContactMerge.FIRST_NAME, crmContact.name().first()),
                merge.result(ContactMerge.LAST_NAME, crmContact.name().last()));
        return new Contact(contact.id(), crmContact.email(), name,
                merge.result(ContactMerge.COMPANY, crmContact.company()), contact.companyDomain(),
                merge.result(ContactMerge.PHONE, crmContact.phone()), Optional.of(crmContact.id()), contact.stage(),
                contact.ownerId(), contact.fitScore(), contact.behaviorScore(), contact.facts(), contact.createdAt(),
                now);
    }

    /**
     * Enriched firmographics written to the CRM company under the merge policy, each decision audited with the
     * provider and confidence (what was kept too, so the timeline says why a person's value stayed).
     */
    private void writeFirmographics(CrmObjectId companyId, Firmographics firmographics, AuditTrail trail,
            Instant now) {
        if (merging.firmographics().isEmpty() || firmographics.isEmpty()) {
            return;
        }
        List<dev.orchestrator.domain.merge.MergeOutcome> outcomes;
        try {
            outcomes = merging.firmographics().get().write(companyId, firmographics, now);
        } catch (dev.orchestrator.application.port.out.crm.CrmFailure failure) {
            if (failure.kind() != dev.orchestrator.application.port.out.crm.CrmFailure.Kind.REVIEW) {
                throw failure;
            }
            // The CRM refused a value (an industry option the portal lacks, say): firmographics never hold up the
            // lead; the refusal is on the timeline for a person to fix the field map.
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("crmCompanyId", companyId.value());
            trail.record(AuditKind.FAILED, CONTACT, Optional.empty(), "merge-policy",
                    "company firmographics not written to the CRM: " + failure.getMessage(), evidence);
            return;
        }
        for (dev.orchestrator.domain.merge.MergeOutcome outcome : outcomes) {
            if (outcome.rule().equals("already-equal")) {
                continue;
            }
            Map<String, String> evidence = outcome.evidence();
            evidence.put("crmCompanyId", companyId.value());
            trail.record(AuditKind.ENRICHED, CONTACT, Optional.empty(), "merge-policy", "company " + outcome.field()
                    + (outcome.changes() ? " set to '" + outcome.result().value() + "'"
                            : " kept '" + outcome.result().value() + "'")
                    + " (" + outcome.offered().detail() + ", confidence " + evidence.get("confidence") + ") by "
                    + outcome.rule() + ": " + outcome.explanation(), evidence);
        }
    }

    /** The review queue's side-by-side of a possible duplicate person: this lead, the existing contact, evidence. */
    private static List<FieldProblem> duplicateContactProblems(CrmObjectId created, PersonMatch match,
            ValidatedLead lead) {
        List<FieldProblem> problems = new ArrayList<>();
        problems.add(new FieldProblem("contact", "new contact " + created + " may be CRM contact "
                + match.crmContactId().orElse("")));
        problems.add(new FieldProblem("lead.name", lead.name().display()));
        problems.add(new FieldProblem("lead.email", lead.email().value()));
        problems.add(new FieldProblem("lead.phone", lead.phoneE164().orElse("")));
        problems.add(new FieldProblem("lead.domain", lead.companyDomain().orElse("")));
        match.candidate().ifPresent(c -> {
            problems.add(new FieldProblem("account.name", (c.record().firstName().orElse("") + " "
                    + c.record().lastName().orElse("")).strip()));
            problems.add(new FieldProblem("account.email", String.join(", ", c.record().emails())));
            problems.add(new FieldProblem("account.phone", String.join(", ", c.record().phones())));
            problems.add(new FieldProblem("account.domain", c.record().domains().stream()
                    .map(d -> d.registrable()).sorted().collect(Collectors.joining(", "))));
        });
        match.decision().score().features().forEach(f -> problems.add(new FieldProblem("evidence." + f.name(),
                f.value() + " (" + String.format(java.util.Locale.ROOT, "%+.1f", f.weight()) + ")")));
        return problems;
    }

    private ProcessOutcome poison(UUID eventId, AuditTrail trail, String reason) {
        trail.record(AuditKind.FAILED, EVENT, Optional.of(eventId.toString()), "pipeline",
                "event cannot be processed: " + reason, Map.of("reason", reason));
        stores.transactions().inRetryableTransaction(() -> {
            stores.audit().appendAll(trail.events());
            stores.events().updateStatus(eventId, EventStatus.DEAD, Optional.of(reason));
            return null;
        });
        return new ProcessOutcome.Poison(reason);
    }

    private ProcessOutcome toReview(UUID eventId, AuditTrail trail, List<FieldProblem> problems) {
        String reason = problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
        Map<String, String> evidence = new LinkedHashMap<>();
        problems.forEach(p -> evidence.put(p.field(), p.message()));
        trail.record(AuditKind.REJECTED, EVENT, Optional.of(eventId.toString()), "validator",
                "sent to review: " + reason, evidence);
        stores.transactions().inRetryableTransaction(() -> {
            stores.reviews().open(eventId, "validation", problems, clock.instant());
            stores.audit().appendAll(trail.events());
            stores.events().updateStatus(eventId, EventStatus.REVIEW, Optional.of(reason));
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
        lead.website().ifPresent(v -> evidence.put("website", v));
        lead.phone().ifPresent(v -> evidence.put("phone", v));
        lead.country().ifPresent(v -> evidence.put("country", v));
        lead.consent().ifPresent(v -> evidence.put("consent", v.toString()));
        evidence.putAll(lead.attributes());
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
