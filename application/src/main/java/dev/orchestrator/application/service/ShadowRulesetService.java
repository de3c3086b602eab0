package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ManageRulesetsUseCase;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.RulesetFiles;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.RulesetSwitch;
import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.application.rules.ShadowEvaluation;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.ScoreContribution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow mode and the changes of the rules in force. A ruleset attached in shadow is evaluated on the context of
 * every live evaluation, beside the active one, with a round-robin of its own; where it would decide otherwise
 * (stage, owner or score) the difference is recorded, and that is all: no CRM write, no action, no transition in
 * the audit trail. Every instance follows the store's attachment (re-read every few seconds). Reload, attach,
 * detach (demotion) and promotion are each one audit event saying who, when, and the versions from and to.
 */
public final class ShadowRulesetService implements ManageRulesetsUseCase, ShadowEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRulesetService.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final String NO_OWNER = "(none)";
    static final String ENTITY = "ruleset";

    /** Who puts an instance's {@code RULESET_PATH} file in force when it starts with another one (a deploy). */
    static final String INSTANCE_START = "instance start";

    private final RulesetSwitch rules;
    private final ShadowStore store;
    private final RulesetInForce inForce;
    private final RulesetFiles files;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private volatile Loaded loaded;
    private RoundRobinState rotation = RoundRobinState.start();

    public ShadowRulesetService(RulesetSwitch rules, ShadowStore store, RulesetInForce inForce, RulesetFiles files,
            AuditLog audit, IdGenerator ids, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.inForce = inForce;
        this.files = files;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** The attachment as last read and its parsed ruleset (empty: nothing in shadow). */
    private record Loaded(Optional<Ruleset> ruleset, Instant checkedAt) {
    }

    @Override
    public void observe(Observation observation) {
        try {
            Optional<Ruleset> shadow = shadow();
            if (shadow.isEmpty() || shadow.get().version().equals(observation.live().rulesetVersion())) {
                return;
            }
            Evaluation would;
            synchronized (this) {
                would = RulesEngine.evaluate(shadow.get(), observation.context(), observation.roster(), rotation);
                rotation = would.rotation();
            }
            compare(observation, would).ifPresent(store::record);
        } catch (RuntimeException e) {
            // the live event must not notice the shadow: its failure is logged, never thrown
            LOG.warn("shadow evaluation of event {} failed: {}", observation.eventId(), e.toString());
        }
    }

    /** The ruleset in shadow, re-read from the store at most every {@link #REFRESH}. */
    Optional<Ruleset> shadow() {
        Instant now = clock.instant();
        Loaded current = loaded;
        if (current != null && now.isBefore(current.checkedAt().plus(REFRESH))) {
            return current.ruleset();
        }
        Optional<ShadowStore.Attachment> attachment = store.attached();
        Optional<Ruleset> ruleset = attachment.map(a -> current != null && current.ruleset().isPresent()
                && current.ruleset().get().version().hash().equals(a.version()) ? current.ruleset().get()
                : files.parse(a.file()));
        loaded = new Loaded(ruleset, now);
        return ruleset;
    }

    Optional<ShadowStore.Difference> compare(Observation observation, Evaluation would) {
        Evaluation live = observation.live();
        String liveOwner = owner(observation.context(), live);
        String shadowOwner = owner(observation.context(), would);
        boolean stage = live.stage() != would.stage();
        boolean owner = !liveOwner.equals(shadowOwner);
        boolean score = live.score().fit() != would.score().fit()
                || live.score().behavior() != would.score().behavior();
        if (!stage && !owner && !score) {
            return Optional.empty();
        }
        String[] where = stage || !live.transitions().equals(would.transitions())
                ? firstTransitionDifference(live.transitions(), would.transitions())
                : owner ? routingDifference(live.routing(), would.routing(), liveOwner, shadowOwner)
                : scoreDifference(live, would);
        return Optional.of(new ShadowStore.Difference(clock.instant(), observation.eventId(), observation.contactId(),
                live.rulesetVersion().hash(), would.rulesetVersion().hash(), live.stage().key(), would.stage().key(),
                liveOwner, shadowOwner, live.score().fit(), would.score().fit(), live.score().behavior(),
                would.score().behavior(), where[0], where[1]));
    }

    private static String owner(EvaluationContext context, Evaluation evaluation) {
        return evaluation.routing().map(r -> r.target().label())
                .orElseGet(() -> context.owner().map(OwnerState::id).orElse(NO_OWNER));
    }

    private static String[] firstTransitionDifference(List<LifecycleTransition> live,
            List<LifecycleTransition> shadow) {
        for (int i = 0; i < Math.max(live.size(), shadow.size()); i++) {
            Optional<LifecycleTransition> left = i < live.size() ? Optional.of(live.get(i)) : Optional.empty();
            Optional<LifecycleTransition> right = i < shadow.size() ? Optional.of(shadow.get(i)) : Optional.empty();
            if (left.map(LifecycleTransition::ruleId).equals(right.map(LifecycleTransition::ruleId))
                    && left.map(LifecycleTransition::to).equals(right.map(LifecycleTransition::to))) {
                continue;
            }
            String rule = right.or(() -> left).map(LifecycleTransition::ruleId).orElseThrow();
            return new String[] {rule, "active: " + describe(left) + "; shadow: " + describe(right)};
        }
        return new String[] {"lifecycle", "the transitions read different values"};
    }

    private static String describe(Optional<LifecycleTransition> transition) {
        return transition.map(t -> t.from().key() + " -> " + t.to().key() + " by " + t.ruleId())
                .orElse("no transition");
    }

    private static String[] routingDifference(Optional<RoutingDecision> live, Optional<RoutingDecision> shadow,
            String liveOwner, String shadowOwner) {
        String rule = shadow.or(() -> live).map(RoutingDecision::ruleId).orElse("routing");
        return new String[] {rule, "active: " + liveOwner + live.map(r -> " by " + r.ruleId()).orElse("")
                + "; shadow: " + shadowOwner + shadow.map(r -> " by " + r.ruleId()).orElse("")};
    }

    private static String[] scoreDifference(Evaluation live, Evaluation shadow) {
        List<ScoreContribution> left = live.score().contributions();
        List<ScoreContribution> right = shadow.score().contributions();
        String rule = "scoring";
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            Optional<String> l = i < left.size() ? Optional.of(left.get(i).ruleId() + "+" + left.get(i).points())
                    : Optional.empty();
            Optional<String> r = i < right.size() ? Optional.of(right.get(i).ruleId() + "+" + right.get(i).points())
                    : Optional.empty();
            if (!l.equals(r)) {
                rule = (i < right.size() ? right.get(i) : left.get(i)).ruleId();
                break;
            }
        }
        return new String[] {rule, "active: fit " + live.score().fit() + ", behavior " + live.score().behavior()
                + "; shadow: fit " + shadow.score().fit() + ", behavior " + shadow.score().behavior()};
    }

    @Override
    public Change reload(ReloadCommand command) {
        String version = command.next().version().hash();
        // Stored first: an instance following the store between the two finds the new ruleset, never the old one.
        inForce.put(new RulesetInForce.InForce(command.file(), version, command.next().label(), version,
                command.actor(), clock.instant()));
        Ruleset previous = rules.activate(command.next());
        return audited("reload", Optional.of(previous), Optional.of(command.next()), command.actor(),
                "active ruleset reloaded", Map.of());
    }

    @Override
    public Change attachShadow(AttachShadowCommand command) {
        Optional<ShadowStore.Attachment> before = store.attached();
        Ruleset ruleset = command.ruleset();
        store.attach(new ShadowStore.Attachment(command.file(), ruleset.version().hash(), ruleset.label(),
                command.actor(), clock.instant()));
        forget();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("active", rules.current().version().hash());
        before.ifPresent(b -> evidence.put("replaced", b.version()));
        return audited("shadow-attached", Optional.empty(), Optional.of(ruleset), command.actor(),
                "ruleset attached in shadow", evidence);
    }

    @Override
    public Change detachShadow(String actor) {
        Optional<ShadowStore.Attachment> attached = store.attached();
        if (attached.isEmpty()) {
            return new Change("shadow-detached", false, Optional.empty(), Optional.empty(), actor, clock.instant());
        }
        store.detach();
        forget();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("differencesRecorded", Integer.toString(store.count(attached.get().version())));
        return audited("shadow-detached", attached.get().version(), attached.get().label(),
                Optional.of(rules.current()), actor, "ruleset in shadow detached (demoted)", evidence);
    }

    @Override
    public Change promoteShadow(String actor) {
        Optional<ShadowStore.Attachment> attached = store.attached();
        if (attached.isEmpty()) {
            return new Change("shadow-promoted", false, Optional.empty(), Optional.empty(), actor, clock.instant());
        }
        Ruleset promoted = files.parse(attached.get().file());
        // Promoted on top of the file the rules in force came from: an instance restarted with that file keeps it.
        String base = inForce.current().map(RulesetInForce.InForce::baseVersion)
                .orElse(rules.current().version().hash());
        inForce.put(new RulesetInForce.InForce(attached.get().file(), promoted.version().hash(), promoted.label(), base,
                actor, clock.instant()));
        Ruleset previous = rules.activate(promoted);
        store.detach();
        forget();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("attachedBy", attached.get().attachedBy());
        evidence.put("attachedAt", attached.get().attachedAt().toString());
        evidence.put("differencesRecorded", Integer.toString(store.count(attached.get().version())));
        return audited("shadow-promoted", Optional.of(previous), Optional.of(promoted), actor,
                "ruleset in shadow promoted to active", evidence);
    }

    /**
     * What an instance that starts with {@code fromFile} (its {@code RULESET_PATH}, {@code fileText}) puts in force.
     * When the ruleset in force everywhere was put there on top of this same file, it is followed: a restart keeps a
     * promotion. Otherwise the file is a deploy: it is put in force everywhere, and audited when it replaces another
     * ruleset. A stored ruleset (on top of this same file) that does not parse here is left in force on the others,
     * and this instance runs its file alone, with a warning. Answers the ruleset now active on this instance.
     */
    public Ruleset followOrDeploy(Ruleset fromFile, String fileText) {
        String fileVersion = fromFile.version().hash();
        Optional<RulesetInForce.InForce> current = inForce.current();
        if (current.isPresent() && current.get().baseVersion().equals(fileVersion)) {
            if (current.get().version().equals(fileVersion)) {
                rules.activate(fromFile);
                return fromFile;
            }
            try {
                Ruleset followed = files.parse(current.get().file());
                rules.activate(followed);
                LOG.info("following the ruleset in force {} (put there by {} at {}) over RULESET_PATH {}",
                        current.get().version(), current.get().changedBy(), current.get().changedAt(), fileVersion);
                return followed;
            } catch (RuntimeException e) {
                // An older release during a rolling deploy: the others keep what they follow; only this one differs.
                LOG.warn("the ruleset in force {} does not parse on this instance; it runs RULESET_PATH {} alone: {}",
                        current.get().version(), fileVersion, e.toString());
                rules.activate(fromFile);
                return fromFile;
            }
        }
        inForce.put(new RulesetInForce.InForce(fileText, fileVersion, fromFile.label(), fileVersion, INSTANCE_START,
                clock.instant()));
        Ruleset previous = rules.activate(fromFile);
        if (current.isPresent() && !current.get().version().equals(fileVersion)) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("replacedBaseVersion", current.get().baseVersion());
            evidence.put("replacedChangedBy", current.get().changedBy());
            evidence.put("replacedChangedAt", current.get().changedAt().toString());
            audited("deployed", current.get().version(), current.get().label(), Optional.of(fromFile),
                    Actor.system(INSTANCE_START), "RULESET_PATH file put in force at an instance's start", evidence);
        } else if (!previous.version().equals(fromFile.version())) {
            LOG.info("RULESET_PATH {} put in force", fileVersion);
        }
        return fromFile;
    }

    @Override
    public ShadowStatus shadowStatus(int differences) {
        Ruleset active = rules.current();
        Optional<ShadowStore.Attachment> attached = store.attached();
        return new ShadowStatus(active.version().hash(), active.label(), attached,
                attached.map(a -> store.count(a.version())).orElse(0),
                attached.map(a -> store.recent(a.version(), differences)).orElse(List.of()));
    }

    /** The next observation reads the store again, and the shadow's round-robin starts afresh. */
    private synchronized void forget() {
        loaded = null;
        rotation = RoundRobinState.start();
    }

    private Change audited(String kind, Optional<Ruleset> from, Optional<Ruleset> to, String actor, String summary,
            Map<String, String> extra) {
        return audited(kind, from.map(r -> r.version().hash()).orElse(""), from.flatMap(Ruleset::label), to, actor,
                summary, extra);
    }

    private Change audited(String kind, String fromVersion, Optional<String> fromLabel, Optional<Ruleset> to,
            String actor, String summary, Map<String, String> extra) {
        return audited(kind, fromVersion, fromLabel, to, Actor.user(actor), summary, extra);
    }

    private Change audited(String kind, String fromVersion, Optional<String> fromLabel, Optional<Ruleset> to,
            Actor by, String summary, Map<String, String> extra) {
        String actor = by.name();
        Instant at = clock.instant();
        Optional<String> toVersion = to.map(r -> r.version().hash());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("change", kind);
        evidence.put("by", actor);
        evidence.put("fromVersion", fromVersion);
        evidence.put("fromLabel", fromLabel.orElse(""));
        evidence.put("toVersion", toVersion.orElse(""));
        evidence.put("toLabel", to.flatMap(Ruleset::label).orElse(""));
        evidence.putAll(extra);
        audit.append(new AuditEvent(ids.newId(), at, AuditKind.RULESET_CHANGED, ENTITY,
                Optional.of(toVersion.orElse(fromVersion)), ids.newId(), by,
                summary + " by " + actor + (fromVersion.isEmpty() ? "" : ": " + shortHash(fromVersion))
                        + toVersion.map(v -> (fromVersion.isEmpty() ? ": " : " -> ") + shortHash(v)).orElse(""),
                Optional.empty(), toVersion, evidence));
        return new Change(kind, true, fromVersion.isEmpty() ? Optional.empty() : Optional.of(fromVersion), toVersion,
                actor, at);
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
