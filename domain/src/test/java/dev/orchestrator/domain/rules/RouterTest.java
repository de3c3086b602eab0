package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final List<String> AES = List.of("ae-1", "ae-2", "ae-3", "ae-4");

    private static OwnerRoster allAvailable() {
        return OwnerRoster.of(AES.stream().map(OwnerState::available).toList())
                .with(OwnerState.available("sdr-1"));
    }

    private static EvaluationContext manufacturer(int employees) {
        return aContext().withCompany("industry", Value.of("manufacturing"))
                .withCompany("employees", Value.of(employees)).build();
    }

    @Test
    void the_first_matching_rule_wins_even_when_a_later_one_also_matches() {
        Ruleset ruleset = aRuleset().pool("aes", AES)
                .routeToQueue("small-to-nurture", "nurture", "company.employees < 20")
                .routeToPool("manufacturing", "aes", OptionalInt.empty(), "company.industry == manufacturing")
                .build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(10), allAvailable(), RoundRobinState.start())
                .decision();

        assertThat(decision.ruleId()).isEqualTo("small-to-nurture");
        assertThat(decision.target()).isEqualTo(new RoutingTarget.Queue("nurture"));
        assertThat(decision.conditions()).extracting(ConditionResult::expr, ConditionResult::result)
                .containsExactly(tuple("company.employees < 20", true));
    }

    @Test
    void no_matching_rule_sends_the_lead_to_the_fallback_queue() {
        Ruleset ruleset = aRuleset().fallbackQueue("triage")
                .routeToQueue("small-to-nurture", "nurture", "company.employees < 20").build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(500), allAvailable(), RoundRobinState.start())
                .decision();

        assertThat(decision.ruleId()).isEqualTo(RoutingDecision.NO_RULE);
        assertThat(decision.target()).isEqualTo(new RoutingTarget.Queue("triage"));
    }

    @Test
    void round_robin_gives_consecutive_leads_to_consecutive_owners_and_returns_the_new_turn() {
        Ruleset ruleset = aRuleset().pool("aes", AES).routeToPool("all", "aes", OptionalInt.empty(),
                "company.employees >= 1").build();

        Router.Outcome first = Router.route(ruleset, manufacturer(500), allAvailable(), RoundRobinState.start());
        Router.Outcome second = Router.route(ruleset, manufacturer(500), allAvailable(), first.rotation());

        assertThat(first.decision().target()).isEqualTo(new RoutingTarget.Owner("ae-1", "aes"));
        assertThat(second.decision().target()).isEqualTo(new RoutingTarget.Owner("ae-2", "aes"));
        assertThat(second.rotation().cursor("aes")).isEqualTo(2);
    }

    @Test
    void the_same_turn_and_lead_always_give_the_same_owner() {
        Ruleset ruleset = aRuleset().pool("aes", AES).routeToPool("all", "aes", OptionalInt.empty(),
                "company.employees >= 1").build();
        RoundRobinState turn = new RoundRobinState(java.util.Map.of("aes", 2));

        assertThat(Router.route(ruleset, manufacturer(500), allAvailable(), turn).decision().target())
                .isEqualTo(Router.route(ruleset, manufacturer(500), allAvailable(), turn).decision().target())
                .isEqualTo(new RoutingTarget.Owner("ae-3", "aes"));
    }

    @Test
    void round_robin_skips_inactive_out_of_office_and_capped_owners_and_says_why() {
        Ruleset ruleset = aRuleset().pool("aes", AES).routeToPool("all", "aes", OptionalInt.of(40),
                "company.employees >= 1").build();
        OwnerRoster roster = allAvailable()
                .with(new OwnerState("ae-1", false, false, 0))
                .with(new OwnerState("ae-2", true, true, 0))
                .with(new OwnerState("ae-3", true, false, 40));

        Router.Outcome outcome = Router.route(ruleset, manufacturer(500), roster, RoundRobinState.start());

        assertThat(outcome.decision().target()).isEqualTo(new RoutingTarget.Owner("ae-4", "aes"));
        assertThat(outcome.decision().candidates())
                .extracting(RoutingCandidate::owner, RoutingCandidate::outcome, RoutingCandidate::reason)
                .containsExactly(
                        tuple("ae-1", CandidateOutcome.INACTIVE, "inactive"),
                        tuple("ae-2", CandidateOutcome.OUT_OF_OFFICE, "out of office"),
                        tuple("ae-3", CandidateOutcome.CAPPED, "40 open leads, cap 40"),
                        tuple("ae-4", CandidateOutcome.ASSIGNED, "next in turn and available"));
        assertThat(outcome.rotation().cursor("aes")).isEqualTo(0);
    }

    @Test
    void owners_passed_over_by_the_turn_are_listed_as_losing_the_tie_break() {
        Ruleset ruleset = aRuleset().pool("aes", AES).routeToPool("all", "aes", OptionalInt.empty(),
                "company.employees >= 1").build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(500), allAvailable(),
                new RoundRobinState(java.util.Map.of("aes", 3))).decision();

        assertThat(decision.candidates()).extracting(RoutingCandidate::owner, RoutingCandidate::outcome)
                .containsExactly(tuple("ae-4", CandidateOutcome.ASSIGNED),
                        tuple("ae-1", CandidateOutcome.NOT_THEIR_TURN), tuple("ae-2", CandidateOutcome.NOT_THEIR_TURN),
                        tuple("ae-3", CandidateOutcome.NOT_THEIR_TURN));
        assertThat(decision.candidates().get(1).reason()).isEqualTo("available, but the turn went to ae-4");
    }

    @Test
    void a_pool_with_nobody_available_falls_back_to_its_queue_without_moving_the_turn() {
        Ruleset ruleset = aRuleset()
                .pool(new Pool("aes", List.of("ae-1", "ae-2"), OptionalInt.empty(), Optional.empty(),
                        Optional.of("aes-overflow")))
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();
        OwnerRoster roster = OwnerRoster.of(List.of(new OwnerState("ae-1", false, false, 0),
                new OwnerState("ae-2", true, true, 0)));

        Router.Outcome outcome = Router.route(ruleset, manufacturer(500), roster, RoundRobinState.start());

        assertThat(outcome.decision().ruleId()).isEqualTo("all");
        assertThat(outcome.decision().target()).isEqualTo(new RoutingTarget.Queue("aes-overflow"));
        assertThat(outcome.decision().reason()).contains("nobody in pool aes can take the lead");
        assertThat(outcome.rotation()).isEqualTo(RoundRobinState.start());
    }

    @Test
    void a_pool_without_a_queue_of_its_own_falls_back_to_the_rulesets_queue() {
        Ruleset ruleset = aRuleset().fallbackQueue("triage").pool("aes", List.of("ae-1"))
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();
        OwnerRoster roster = OwnerRoster.of(List.of(new OwnerState("ae-1", false, false, 0)));

        assertThat(Router.route(ruleset, manufacturer(500), roster, RoundRobinState.start()).decision().target())
                .isEqualTo(new RoutingTarget.Queue("triage"));
    }

    @Test
    void a_full_pool_overflows_to_the_next_pool() {
        Ruleset ruleset = aRuleset()
                .pool(new Pool("aes", List.of("ae-1"), OptionalInt.of(10), Optional.of("sdrs"), Optional.empty()))
                .pool("sdrs", List.of("sdr-1"))
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();
        OwnerRoster roster = allAvailable().with(new OwnerState("ae-1", true, false, 10));

        Router.Outcome outcome = Router.route(ruleset, manufacturer(500), roster, RoundRobinState.start());

        assertThat(outcome.decision().target()).isEqualTo(new RoutingTarget.Owner("sdr-1", "sdrs"));
        assertThat(outcome.decision().candidates()).extracting(RoutingCandidate::owner, RoutingCandidate::outcome)
                .containsExactly(tuple("ae-1", CandidateOutcome.CAPPED), tuple("sdr-1", CandidateOutcome.ASSIGNED));
        assertThat(outcome.decision().reason()).contains("overflow from aes");
    }

    @Test
    void an_undefined_pool_routes_to_the_fallback_queue() {
        Ruleset ruleset = aRuleset().routeToPool("all", "ghosts", OptionalInt.empty(), "company.employees >= 1")
                .build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(500), allAvailable(), RoundRobinState.start())
                .decision();

        assertThat(decision.target()).isEqualTo(new RoutingTarget.Queue(Ruleset.DEFAULT_FALLBACK_QUEUE));
        assertThat(decision.reason()).startsWith("pool ghosts is not defined");
        assertThat(ruleset.undefinedPools()).containsExactly("ghosts");
    }

    @Test
    void an_owner_missing_from_the_directory_is_skipped() {
        Ruleset ruleset = aRuleset().pool("aes", List.of("ghost", "ae-1"))
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(500), allAvailable(), RoundRobinState.start())
                .decision();

        assertThat(decision.target()).isEqualTo(new RoutingTarget.Owner("ae-1", "aes"));
        assertThat(decision.candidates().get(0).outcome()).isEqualTo(CandidateOutcome.UNKNOWN_OWNER);
    }

    @Test
    void least_open_leads_picks_the_least_loaded_available_owner() {
        Ruleset ruleset = aRuleset().pool("aes", AES).routeLeastLoaded("all", "aes", "company.employees >= 1")
                .build();
        OwnerRoster roster = OwnerRoster.of(List.of(new OwnerState("ae-1", true, false, 9),
                new OwnerState("ae-2", true, false, 4), new OwnerState("ae-3", true, false, 2),
                new OwnerState("ae-4", false, false, 0)));

        assertThat(Router.route(ruleset, manufacturer(500), roster, RoundRobinState.start()).decision().target())
                .isEqualTo(new RoutingTarget.Owner("ae-3", "aes"));
    }

    @Test
    void the_account_owner_takes_the_lead_when_available() {
        Ruleset ruleset = aRuleset().pool("aes", AES)
                .routeToAccountOwner("account-based", "company.owner_id exists")
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();
        EvaluationContext context = aContext().withCompany("owner_id", Value.of("ae-3"))
                .withCompany("employees", Value.of(500)).build();

        RoutingDecision decision = Router.route(ruleset, context, allAvailable(), RoundRobinState.start()).decision();

        assertThat(decision.ruleId()).isEqualTo("account-based");
        assertThat(decision.target()).isEqualTo(new RoutingTarget.Owner("ae-3", "account"));
    }

    @Test
    void an_unavailable_account_owner_passes_the_lead_to_the_next_rule_and_is_listed_as_a_loser() {
        Ruleset ruleset = aRuleset().pool("aes", AES)
                .routeToAccountOwner("account-based", "company.owner_id exists")
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").build();
        EvaluationContext context = aContext().withCompany("owner_id", Value.of("ae-3"))
                .withCompany("employees", Value.of(500)).build();
        OwnerRoster roster = allAvailable().with(new OwnerState("ae-3", true, true, 0));

        RoutingDecision decision = Router.route(ruleset, context, roster, RoundRobinState.start()).decision();

        assertThat(decision.ruleId()).isEqualTo("all");
        assertThat(decision.target()).isEqualTo(new RoutingTarget.Owner("ae-1", "aes"));
        assertThat(decision.candidates().get(0)).isEqualTo(new RoutingCandidate("ae-3", "account",
                CandidateOutcome.OUT_OF_OFFICE, "out of office"));
    }

    @Test
    void the_rules_passed_over_before_the_match_are_part_of_the_decision() {
        Ruleset ruleset = aRuleset().pool("aes", AES)
                .routeToQueue("small-to-nurture", "nurture", "company.employees < 20")
                .routeToPool("manufacturing", "aes", OptionalInt.empty(), "company.industry == manufacturing")
                .build();

        RoutingDecision decision = Router.route(ruleset, manufacturer(500), allAvailable(), RoundRobinState.start())
                .decision();

        assertThat(decision.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.ruleId()).isEqualTo("small-to-nurture");
            assertThat(skipped.conditions()).extracting(ConditionResult::expr, ConditionResult::result)
                    .containsExactly(tuple("company.employees < 20", false));
        });
    }
}
