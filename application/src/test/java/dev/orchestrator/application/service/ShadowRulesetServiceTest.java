package dev.orchestrator.application.service;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ManageRulesetsUseCase;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.RulesetSwitch;
import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.application.rules.ShadowEvaluation;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShadowRulesetServiceTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final List<LifecycleStage> LEAD = List.of(LifecycleStage.LEAD);
    private static final Ruleset ACTIVE = withMqlThreshold(30, "a");
    private static final Ruleset PROPOSED = withMqlThreshold(20, "b");
    private static final Map<String, Ruleset> FILES = Map.of("active-file", ACTIVE, "proposed-file", PROPOSED);

    private final MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");
    private final InMemoryShadowStore store = new InMemoryShadowStore();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Switch rules = new Switch(ACTIVE);
    private final InMemoryRulesetInForce inForce = new InMemoryRulesetInForce();
    private final ShadowRulesetService service = new ShadowRulesetService(rules, store, inForce, FILES::get,
            auditLog(), new SequentialIds(), clock);

    private static Ruleset withMqlThreshold(int threshold, String version) {
        return aRuleset().withVersion(new RulesetVersion(version.repeat(64)))
                .fit("company.employees >= 200", 25)
                .transition("mql-fit-and-intent", LEAD, LifecycleStage.MQL, "score.fit >= " + threshold,
                        "signal pricing_page_view within 30d")
                .build();
    }

    /** A lead whose fit (25) passes a threshold of 20 but not 30, with a pricing visit: the records that differ. */
    private static EvaluationContext borderline() {
        return aContext().withCompany("employees", Value.of(250)).withSignalDaysAgo("pricing_page_view", 2).build();
    }

    private ShadowEvaluation.Observation live(EvaluationContext context) {
        Evaluation live = RulesEngine.evaluate(rules.current(), context, OwnerRoster.empty(), RoundRobinState.start());
        return new ShadowEvaluation.Observation(EVENT, "contact-1", context, OwnerRoster.empty(), live);
    }

    private void attach() {
        service.attachShadow(new ManageRulesetsUseCase.AttachShadowCommand(PROPOSED, "proposed-file", "ada"));
    }

    @Test
    void a_live_evaluation_the_shadow_ruleset_would_decide_otherwise_is_recorded_with_the_first_rule() {
        attach();

        service.observe(live(borderline()));

        assertThat(store.differences).singleElement().satisfies(d -> {
            assertThat(d.activeStage()).isEqualTo("lead");
            assertThat(d.shadowStage()).isEqualTo("mql");
            assertThat(d.firstRule()).isEqualTo("mql-fit-and-intent");
            assertThat(d.detail()).isEqualTo("active: no transition; shadow: lead -> mql by mql-fit-and-intent");
            assertThat(d.eventId()).isEqualTo(EVENT);
        });
    }

    @Test
    void a_live_evaluation_both_rulesets_agree_on_records_nothing() {
        attach();

        service.observe(live(aContext().withCompany("employees", Value.of(250)).build()));

        assertThat(store.differences).isEmpty();
    }

    @Test
    void without_a_ruleset_in_shadow_nothing_is_evaluated_or_recorded() {
        service.observe(live(borderline()));

        assertThat(store.differences).isEmpty();
    }

    @Test
    void the_shadow_ruleset_is_never_acted_on_the_active_one_stays_in_force_and_nothing_is_audited_per_event() {
        attach();
        int audited = audit.size();

        service.observe(live(borderline()));

        assertThat(rules.current()).isSameAs(ACTIVE);
        assertThat(audit).hasSize(audited);
    }

    @Test
    void a_failing_store_never_reaches_the_live_event() {
        attach();
        store.failing = true;

        service.observe(live(borderline()));

        assertThat(store.differences).isEmpty();
    }

    @Test
    void attaching_is_audited_with_who_and_the_version_in_shadow() {
        attach();

        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(AuditKind.RULESET_CHANGED);
            assertThat(event.actor().name()).isEqualTo("ada");
            assertThat(event.evidence()).containsEntry("change", "shadow-attached")
                    .containsEntry("toVersion", PROPOSED.version().hash())
                    .containsEntry("active", ACTIVE.version().hash());
        });
    }

    @Test
    void promotion_makes_the_shadow_ruleset_active_leaves_shadow_empty_and_is_audited_from_and_to() {
        attach();

        ManageRulesetsUseCase.Change change = service.promoteShadow("grace");

        assertThat(change.done()).isTrue();
        assertThat(rules.current()).isSameAs(PROPOSED);
        assertThat(store.attached()).isEmpty();
        assertThat(audit.get(audit.size() - 1).evidence()).containsEntry("change", "shadow-promoted")
                .containsEntry("by", "grace").containsEntry("fromVersion", ACTIVE.version().hash())
                .containsEntry("toVersion", PROPOSED.version().hash());
    }

    @Test
    void demotion_detaches_the_shadow_ruleset_and_is_audited_with_the_version_it_removed() {
        attach();

        ManageRulesetsUseCase.Change change = service.detachShadow("grace");

        assertThat(change.done()).isTrue();
        assertThat(store.attached()).isEmpty();
        assertThat(rules.current()).isSameAs(ACTIVE);
        assertThat(audit.get(audit.size() - 1).evidence()).containsEntry("change", "shadow-detached")
                .containsEntry("fromVersion", PROPOSED.version().hash());
    }

    @Test
    void promoting_with_nothing_in_shadow_changes_nothing_and_audits_nothing() {
        ManageRulesetsUseCase.Change change = service.promoteShadow("grace");

        assertThat(change.done()).isFalse();
        assertThat(rules.current()).isSameAs(ACTIVE);
        assertThat(audit).isEmpty();
    }

    @Test
    void a_reload_is_audited_with_who_and_both_versions() {
        service.reload(new ManageRulesetsUseCase.ReloadCommand(PROPOSED, "proposed-file",
                "api-token:admin:1a2b3c4d"));

        assertThat(rules.current()).isSameAs(PROPOSED);
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.actor().name()).isEqualTo("api-token:admin:1a2b3c4d");
            assertThat(event.evidence()).containsEntry("change", "reload")
                    .containsEntry("fromVersion", ACTIVE.version().hash())
                    .containsEntry("toVersion", PROPOSED.version().hash());
        });
    }

    @Test
    void another_instance_attaching_is_followed_once_the_store_is_read_again() {
        service.observe(live(borderline()));
        store.attach(new ShadowStore.Attachment("proposed-file", PROPOSED.version().hash(), Optional.empty(), "ada",
                clock.instant()));

        clock.advance(ShadowRulesetService.REFRESH.plus(Duration.ofSeconds(1)));
        service.observe(live(borderline()));

        assertThat(store.differences).hasSize(1);
    }

    @Test
    void a_reload_puts_the_file_in_force_on_every_instance() {
        service.reload(new ManageRulesetsUseCase.ReloadCommand(PROPOSED, "proposed-file", "ada"));

        assertThat(inForce.stored).hasValueSatisfying(stored -> {
            assertThat(stored.file()).isEqualTo("proposed-file");
            assertThat(stored.version()).isEqualTo(PROPOSED.version().hash());
            assertThat(stored.baseVersion()).isEqualTo(PROPOSED.version().hash());
            assertThat(stored.changedBy()).isEqualTo("ada");
        });
    }

    @Test
    void a_promotion_puts_the_shadow_ruleset_in_force_on_top_of_the_file_the_rules_came_from() {
        service.followOrDeploy(ACTIVE, "active-file");
        attach();

        service.promoteShadow("grace");

        assertThat(inForce.stored).hasValueSatisfying(stored -> {
            assertThat(stored.file()).isEqualTo("proposed-file");
            assertThat(stored.version()).isEqualTo(PROPOSED.version().hash());
            assertThat(stored.baseVersion()).isEqualTo(ACTIVE.version().hash());
            assertThat(stored.changedBy()).isEqualTo("grace");
        });
    }

    @Test
    void the_first_instance_to_start_puts_its_file_in_force_and_audits_nothing() {
        Ruleset active = service.followOrDeploy(ACTIVE, "active-file");

        assertThat(active).isSameAs(ACTIVE);
        assertThat(inForce.stored).hasValueSatisfying(stored -> {
            assertThat(stored.version()).isEqualTo(ACTIVE.version().hash());
            assertThat(stored.changedBy()).isEqualTo(ShadowRulesetService.INSTANCE_START);
        });
        assertThat(audit).isEmpty();
    }

    @Test
    void an_instance_restarted_with_the_file_a_promotion_was_made_on_keeps_the_promotion() {
        inForce.put(new RulesetInForce.InForce("proposed-file", PROPOSED.version().hash(), Optional.empty(),
                ACTIVE.version().hash(), "grace", clock.instant()));

        Ruleset active = service.followOrDeploy(ACTIVE, "active-file");

        assertThat(active).isSameAs(PROPOSED);
        assertThat(rules.current()).isSameAs(PROPOSED);
        assertThat(inForce.stored.get().changedBy()).isEqualTo("grace");
        assertThat(audit).isEmpty();
    }

    @Test
    void an_instance_that_cannot_parse_the_ruleset_in_force_runs_its_file_alone_and_leaves_the_others_theirs() {
        inForce.put(new RulesetInForce.InForce("written-by-a-newer-release", "c".repeat(64), Optional.empty(),
                ACTIVE.version().hash(), "grace", clock.instant()));

        Ruleset active = new ShadowRulesetService(rules, store, inForce, file -> {
            throw new IllegalArgumentException("line 3: unknown key 'within_business_days'");
        }, auditLog(), new SequentialIds(), clock).followOrDeploy(ACTIVE, "active-file");

        assertThat(active).isSameAs(ACTIVE);
        assertThat(inForce.stored.get().version()).isEqualTo("c".repeat(64));
        assertThat(audit).isEmpty();
    }

    @Test
    void an_instance_started_with_another_file_puts_it_in_force_everywhere_and_audits_the_deploy() {
        inForce.put(new RulesetInForce.InForce("proposed-file", PROPOSED.version().hash(), Optional.empty(),
                PROPOSED.version().hash(), "grace", clock.instant()));
        rules.activate(PROPOSED);

        Ruleset active = service.followOrDeploy(ACTIVE, "active-file");

        assertThat(active).isSameAs(ACTIVE);
        assertThat(rules.current()).isSameAs(ACTIVE);
        assertThat(inForce.stored.get().version()).isEqualTo(ACTIVE.version().hash());
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.actor().name()).isEqualTo(ShadowRulesetService.INSTANCE_START);
            assertThat(event.evidence()).containsEntry("change", "deployed")
                    .containsEntry("fromVersion", PROPOSED.version().hash())
                    .containsEntry("toVersion", ACTIVE.version().hash())
                    .containsEntry("replacedChangedBy", "grace");
        });
    }

    private AuditLog auditLog() {
        return new AuditLog() {
            @Override
            public void append(AuditEvent event) {
                audit.add(event);
            }

            @Override
            public List<AuditEvent> byCorrelation(UUID correlationId) {
                return audit.stream().filter(e -> e.correlationId().equals(correlationId)).toList();
            }

            @Override
            public List<AuditEvent> byEntity(String entityType, String entityId) {
                return audit.stream().filter(e -> e.entityType().equals(entityType)
                        && e.entityId().equals(Optional.of(entityId))).toList();
            }
        };
    }

    /** A ruleset switch in memory: what {@code activate} was given is current. */
    static final class Switch implements RulesetSwitch {
        private Ruleset current;

        Switch(Ruleset initial) {
            current = initial;
        }

        @Override
        public Ruleset current() {
            return current;
        }

        @Override
        public Ruleset activate(Ruleset next) {
            Ruleset previous = current;
            current = next;
            return previous;
        }
    }

    static final class InMemoryRulesetInForce implements RulesetInForce {
        Optional<InForce> stored = Optional.empty();
        boolean failing;

        @Override
        public Optional<InForce> current() {
            if (failing) {
                throw new IllegalStateException("database unavailable");
            }
            return stored;
        }

        @Override
        public void put(InForce inForce) {
            stored = Optional.of(inForce);
        }
    }

    private static final class InMemoryShadowStore implements ShadowStore {
        private Optional<Attachment> attachment = Optional.empty();
        private final List<Difference> differences = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private boolean failing;

        @Override
        public void attach(Attachment next) {
            attachment = Optional.of(next);
        }

        @Override
        public Optional<Attachment> attached() {
            return attachment;
        }

        @Override
        public void detach() {
            attachment = Optional.empty();
        }

        @Override
        public void record(Difference difference) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            differences.add(difference);
            counts.merge(difference.shadowVersion(), 1, Integer::sum);
        }

        @Override
        public List<Difference> recent(String shadowVersion, int limit) {
            return differences.stream().filter(d -> d.shadowVersion().equals(shadowVersion)).limit(limit).toList();
        }

        @Override
        public int count(String shadowVersion) {
            return counts.getOrDefault(shadowVersion, 0);
        }
    }
}
