package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.actions.ActionOutbox;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.rules.BusinessDeadline;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.TriggeredAction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbox's writing side: turns the actions a decision made due into action jobs, in the transaction that
 * commits the decision (so a decision is never saved without its actions, nor an action queued for a decision
 * that rolled back). Each job carries a snapshot of what the decision saw and an idempotency key (event, action
 * rule, place in the rule), so a re-run of the same event queues nothing twice.
 */
public final class ActionPlanner {
    /** Signals shown with an action: the latest few, enough to say why without flooding a Slack channel. */
    static final int SIGNALS_SHOWN = 5;
    public static final String TASK_DUE_AT = "dueAt";

    private final ActionOutbox outbox;
    private final AuditLog audit;
    private final CompanyDirectory companies;
    private final SignalStore signals;
    private final ActiveRuleset rules;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;

    public ActionPlanner(ActionOutbox outbox, AuditLog audit, CompanyDirectory companies, SignalStore signals,
            ActiveRuleset rules, IdGenerator ids, Clock clock, int maxAttempts) {
        this.outbox = outbox;
        this.audit = audit;
        this.companies = companies;
        this.signals = signals;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Queues the due actions for the contact as decided; call inside the decision's transaction. Answers the
     * jobs queued now (none when this event's actions were queued before).
     */
    public List<ActionJob> queue(UUID eventId, Contact contact, List<TriggeredAction> due) {
        if (due.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ActionJob> jobs = plan(eventId, contact, due, now);
        Set<String> fresh = Set.copyOf(outbox.enqueueKeys(jobs, now, maxAttempts));
        List<ActionJob> queued = jobs.stream().filter(job -> fresh.contains(job.idempotencyKey())).toList();
        for (ActionJob job : queued) {
            audit.append(new AuditEvent(ids.newId(), now, AuditKind.ACTION_QUEUED, ProcessEventService.CONTACT,
                    Optional.of(contact.id().toString()), eventId, Actor.rule(job.actionRuleId()),
                    job.type() + " " + job.target() + " queued by rule " + job.actionRuleId(),
                    Optional.of(job.actionRuleId()), Optional.ofNullable(job.details().get("rulesetVersion")),
                    orderedMap("type", job.type(), "target", job.target(), "idempotencyKey", job.idempotencyKey(),
                            "transitionRule", job.details().getOrDefault("transitionRule", ""))));
        }
        return queued;
    }

    List<ActionJob> plan(UUID eventId, Contact contact, List<TriggeredAction> due, Instant now) {
        Ruleset ruleset = rules.current();
        Optional<KnownCompany> company = contact.companyDomain().flatMap(companies::find);
        List<StoredSignal> recent = signals.since(contact.email(), now.minus(ProcessEventService.SIGNAL_HORIZON));
        Map<String, Integer> places = new HashMap<>();
        List<ActionJob> jobs = new ArrayList<>();
        for (TriggeredAction action : due) {
            int index = places.merge(action.actionRuleId(), 1, Integer::sum) - 1;
            Map<String, String> details = new LinkedHashMap<>();
            action.action().params().forEach((key, value) -> details.put("param." + key, value));
            details.put("transitionRule", action.transitionRuleId());
            details.put("decidedAt", now.toString());
            details.put("rulesetVersion", ruleset.version().hash());
            details.put("contact.id", contact.id().toString());
            details.put("contact.email", contact.email().value());
            details.put("contact.name", contact.name().display());
            details.put("contact.company", contact.company().orElse(""));
            details.put("contact.stage", contact.stage().key());
            details.put("contact.owner", contact.ownerId().orElse(""));
            details.put("contact.crmId", contact.crmId().map(CrmObjectId::value).orElse(""));
            details.put("score.fit", Integer.toString(contact.fitScore()));
            details.put("score.behavior", Integer.toString(contact.behaviorScore()));
            company.ifPresent(c -> {
                details.put("company.domain", c.domain());
                details.put("company.name", c.name().orElse(""));
                details.put("company.employees", c.employees().map(String::valueOf).orElse(""));
                details.put("company.industry", c.industry().orElse(""));
                details.put("company.country", c.country().orElse(""));
                details.put("company.crmId", c.crmId().orElse(""));
            });
            details.put("signals", recent.stream().limit(SIGNALS_SHOWN)
                    .map(s -> s.type() + "@" + s.occurredAt()).collect(Collectors.joining(";")));
            if (action.action().type().equals("crm_task")) {
                BusinessDeadline deadline = BusinessDeadline.in(action.action().target())
                        .orElse(BusinessDeadline.DEFAULT);
                details.put(TASK_DUE_AT, deadline.dueFrom(now, ruleset.businessHours()).toString());
            }
            jobs.add(new ActionJob(ActionJob.keyOf(eventId, action.actionRuleId(), index), eventId,
                    contact.id().toString(), action.actionRuleId(), index, action.action().type(),
                    action.action().target(), details));
        }
        return jobs;
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
