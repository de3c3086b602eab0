package dev.orchestrator.application.service;

import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesetBuilder;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DryRunRulesetServiceTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant CREATED = AS_OF.minus(Duration.ofDays(20));
    private static final RulesetVersion PROPOSED = new RulesetVersion("b".repeat(64));
    private static final List<LifecycleStage> LEAD = List.of(LifecycleStage.LEAD);

    private final DryRunRulesetService service = new DryRunRulesetService();

    private static RulesetBuilder withMqlThreshold(int threshold) {
        return aRuleset()
                .fit("company.employees >= 200", 20)
                .fit("company.industry == software", 15)
                .transition("mql-fit-and-intent", LEAD, LifecycleStage.MQL, "score.fit >= " + threshold,
                        "signal pricing_page_view within 30d");
    }

    private static RecordHistory record(String id, int employees, String industry, boolean pricingVisit) {
        List<Signal> signals = pricingVisit ? List.of(new Signal("pricing_page_view", CREATED.plus(Duration.ofDays(5))))
                : List.of();
        return new RecordHistory(id, CREATED, LifecycleStage.LEAD, Optional.empty(), Map.of("country", Value.of("US")),
                Map.of("employees", Value.of(employees), "industry", Value.of(industry)), Map.of(), signals);
    }

    private static final List<RecordHistory> POPULATION = List.of(
            record("r1", 500, "software", true),
            record("r2", 500, "retail", true),
            record("r3", 50, "software", true),
            record("r4", 500, "retail", false));

    private DryRunReport dryRun(Ruleset active, Ruleset proposed, List<RecordHistory> records, OwnerRoster owners) {
        return service.dryRun(new DryRunQuery(active, proposed, records, owners, AS_OF, 100));
    }

    @Test
    void a_lower_mql_threshold_changes_the_stage_of_exactly_the_records_it_newly_admits() {
        DryRunReport report = dryRun(withMqlThreshold(30).build(), withMqlThreshold(20).withVersion(PROPOSED).build(),
                POPULATION, OwnerRoster.empty());

        assertThat(report.records()).isEqualTo(4);
        assertThat(report.changed()).isEqualTo(new DryRunReport.Changed(1, 0, 0));
        assertThat(report.activeVersion()).isEqualTo(RulesetBuilder.VERSION);
        assertThat(report.proposedVersion()).isEqualTo(PROPOSED);
        assertThat(report.rows()).extracting(DryRunReport.Row::recordId).containsExactly("r2");
    }

    @Test
    void the_stage_matrix_counts_every_record_once_from_active_to_proposed_stage() {
        DryRunReport report = dryRun(withMqlThreshold(30).build(), withMqlThreshold(20).build(), POPULATION,
                OwnerRoster.empty());

        assertThat(report.stageMatrix()).isEqualTo(Map.of(
                LifecycleStage.LEAD, Map.of(LifecycleStage.LEAD, 2, LifecycleStage.MQL, 1),
                LifecycleStage.MQL, Map.of(LifecycleStage.MQL, 1)));
    }

    @Test
    void a_changed_row_names_the_first_rule_and_condition_where_the_rulesets_part() {
        DryRunReport report = dryRun(withMqlThreshold(30).build(), withMqlThreshold(20).build(), POPULATION,
                OwnerRoster.empty());

        DryRunReport.Row row = report.rows().get(0);
        assertThat(row.active().stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(row.proposed().stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(row.firstDifference()).hasValueSatisfying(difference -> {
            assertThat(difference.ruleId()).isEqualTo("mql-fit-and-intent");
            assertThat(difference.condition()).contains("score.fit >= 20");
            assertThat(difference.active()).isEmpty();
            assertThat(difference.proposed()).hasValueSatisfying(step -> {
                assertThat(step.kind()).isEqualTo(DryRunReport.StepKind.TRANSITION);
                assertThat(step.outcome()).isEqualTo("lead -> mql");
                assertThat(step.at()).isEqualTo(CREATED.plus(Duration.ofDays(5)));
                assertThat(step.conditions().get(0).values()).containsEntry("score.fit", "20");
            });
        });
    }

    @Test
    void identical_rulesets_change_nothing() {
        DryRunReport report = dryRun(withMqlThreshold(30).build(), withMqlThreshold(30).build(), POPULATION,
                OwnerRoster.empty());

        assertThat(report.changed()).isEqualTo(new DryRunReport.Changed(0, 0, 0));
        assertThat(report.rows()).isEmpty();
    }

    @Test
    void changed_points_change_scores_and_point_at_the_scoring_rule() {
        Ruleset proposed = aRuleset().fit("company.employees >= 200", 25).fit("company.industry == software", 15)
                .transition("mql-fit-and-intent", LEAD, LifecycleStage.MQL, "score.fit >= 30",
                        "signal pricing_page_view within 30d").build();

        DryRunReport report = dryRun(withMqlThreshold(30).build(), proposed, POPULATION, OwnerRoster.empty());

        assertThat(report.changed().score()).isEqualTo(3);
        assertThat(report.rows()).extracting(DryRunReport.Row::recordId).containsExactly("r1", "r2", "r4");
        DryRunReport.FirstDifference difference = report.rows().get(0).firstDifference().orElseThrow();
        assertThat(difference.ruleId()).isEqualTo("fit-1");
        assertThat(difference.active().orElseThrow().outcome()).isEqualTo("fit +20");
        assertThat(difference.proposed().orElseThrow().outcome()).isEqualTo("fit +25");
        assertThat(difference.condition()).isEmpty();
    }

    @Test
    void a_routing_change_counts_owner_changes_including_the_round_robin_turns_it_shifts() {
        OwnerRoster owners = OwnerRoster.of(List.of(OwnerState.available("ae-1"), OwnerState.available("ae-2"),
                OwnerState.available("sdr-1")));
        Ruleset active = aRuleset().pool("aes", List.of("ae-1", "ae-2")).pool("sdrs", List.of("sdr-1"))
                .routeToPool("big", "aes", OptionalInt.empty(), "company.employees >= 200")
                .routeToPool("rest", "sdrs", OptionalInt.empty(), "company.employees >= 1").build();
        Ruleset proposed = aRuleset().pool("aes", List.of("ae-1", "ae-2")).pool("sdrs", List.of("sdr-1"))
                .routeToPool("big", "aes", OptionalInt.empty(), "company.employees >= 40")
                .routeToPool("rest", "sdrs", OptionalInt.empty(), "company.employees >= 1").build();

        DryRunReport report = dryRun(active, proposed, POPULATION, owners);

        // r1 ae-1 | r2 ae-2 | r3 sdr-1 -> ae-1 | r4 ae-1 -> ae-2 (its turn moved)
        assertThat(report.changed().owner()).isEqualTo(2);
        assertThat(report.rows()).extracting(row -> row.active().owner() + ">" + row.proposed().owner())
                .containsExactly("sdr-1>ae-1", "ae-1>ae-2");
        DryRunReport.FirstDifference moved = report.rows().get(1).firstDifference().orElseThrow();
        assertThat(moved.ruleId()).isEqualTo("big");
        assertThat(moved.condition()).contains("company.employees >= 40");
        assertThat(moved.active().orElseThrow().outcome()).isEqualTo("ae-1");
        assertThat(moved.proposed().orElseThrow().outcome()).isEqualTo("ae-2");
    }

    @Test
    void rows_beyond_the_limit_are_counted_not_listed() {
        DryRunReport report = service.dryRun(new DryRunQuery(withMqlThreshold(30).build(),
                withMqlThreshold(0).build(), POPULATION, OwnerRoster.empty(), AS_OF, 1));

        assertThat(report.changed().stage()).isEqualTo(2);
        assertThat(report.rows()).hasSize(1);
        assertThat(report.rowsOmitted()).isEqualTo(1);
    }

    @Test
    void time_based_rules_fire_at_the_as_of_moment() {
        Ruleset active = aRuleset().build();
        Ruleset proposed = aRuleset().recycle("dark", LEAD, LifecycleStage.NURTURE, "recycled",
                "days_since_last_activity >= 10").build();

        DryRunReport report = dryRun(active, proposed, List.of(record("r1", 500, "software", true)),
                OwnerRoster.empty());

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.proposed().stage()).isEqualTo(LifecycleStage.NURTURE);
            assertThat(row.firstDifference().orElseThrow().proposed().orElseThrow().at()).isEqualTo(AS_OF);
        });
    }

    @Test
    void replaying_both_rulesets_side_by_side_gives_the_same_report_as_one_after_the_other() {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            DryRunQuery query = new DryRunQuery(withMqlThreshold(30).build(), withMqlThreshold(20).build(),
                    POPULATION, OwnerRoster.empty(), AS_OF, 100);

            assertThat(new DryRunRulesetService(pool).dryRun(query)).isEqualTo(service.dryRun(query));
        } finally {
            pool.shutdownNow();
        }
    }
}
