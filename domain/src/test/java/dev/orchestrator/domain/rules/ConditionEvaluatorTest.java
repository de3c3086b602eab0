package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.orchestrator.domain.crm.LifecycleStage;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

    private static ConditionResult evaluate(String condition, ContextBuilder context) {
        return ConditionEvaluator.evaluate(ConditionParser.parse(condition), context.build());
    }

    @Test
    void a_numeric_comparison_holds_and_shows_the_value_it_read() {
        ConditionResult result = evaluate("company.employees >= 200", aContext().withCompany("employees", Value.of(250)));

        assertThat(result.result()).isTrue();
        assertThat(result.expr()).isEqualTo("company.employees >= 200");
        assertThat(result.values()).containsExactly(entry("company.employees", "250"));
    }

    @Test
    void a_numeric_comparison_fails_below_the_threshold() {
        ConditionResult result = evaluate("company.employees >= 200", aContext().withCompany("employees", Value.of(199)));

        assertThat(result.result()).isFalse();
        assertThat(result.values()).containsExactly(entry("company.employees", "199"));
    }

    @Test
    void a_number_written_as_text_still_compares_as_a_number() {
        assertThat(evaluate("company.employees < 20", aContext().withCompany("employees", Value.of("12"))).result())
                .isTrue();
    }

    @Test
    void a_missing_field_makes_every_comparison_false_including_not_equal() {
        ConditionResult result = evaluate("company.industry != software", aContext());

        assertThat(result.result()).isFalse();
        assertThat(result.values()).containsExactly(entry("company.industry", "(missing)"));
    }

    @Test
    void text_equality_ignores_case() {
        assertThat(evaluate("company.industry == manufacturing",
                aContext().withCompany("industry", Value.of("Manufacturing"))).result()).isTrue();
        assertThat(evaluate("company.industry == manufacturing",
                aContext().withCompany("industry", Value.of("software"))).result()).isFalse();
    }

    @Test
    void membership_holds_when_the_value_is_one_of_the_options() {
        ConditionResult in = evaluate("company.industry in [manufacturing, software]",
                aContext().withCompany("industry", Value.of("software")));
        ConditionResult out = evaluate("company.industry in [manufacturing, software]",
                aContext().withCompany("industry", Value.of("retail")));

        assertThat(in.result()).isTrue();
        assertThat(out.result()).isFalse();
        assertThat(out.values()).containsExactly(entry("company.industry", "retail"));
    }

    @Test
    void negated_membership_holds_when_the_value_is_none_of_the_options() {
        assertThat(evaluate("record.country not in [US, CA]", aContext().withRecord("country", Value.of("DE")))
                .result()).isTrue();
        assertThat(evaluate("record.country not in [US, CA]", aContext().withRecord("country", Value.of("us")))
                .result()).isFalse();
    }

    @Test
    void a_range_includes_both_ends() {
        assertThat(evaluate("record.zip between 94000 and 94999", aContext().withRecord("zip", Value.of("94999")))
                .result()).isTrue();
        assertThat(evaluate("record.zip between 94000 and 94999", aContext().withRecord("zip", Value.of("95000")))
                .result()).isFalse();
    }

    @Test
    void contains_finds_an_item_of_a_comma_separated_list_ignoring_case() {
        ContextBuilder stack = aContext().withCompany("technologies", Value.of("HubSpot, Snowflake, AWS"));

        assertThat(evaluate("company.technologies contains hubspot", stack).result()).isTrue();
        assertThat(evaluate("company.technologies contains any [salesforce, aws]", stack).result()).isTrue();
        assertThat(evaluate("company.technologies contains salesforce", stack).values())
                .containsExactly(entry("company.technologies", "HubSpot, Snowflake, AWS"));
        assertThat(evaluate("company.technologies contains salesforce", stack).result()).isFalse();
        assertThat(evaluate("company.technologies contains snow", stack).result()).isFalse();
    }

    @Test
    void presence_tells_a_filled_field_from_a_missing_or_blank_one() {
        assertThat(evaluate("company.owner_id exists", aContext().withCompany("owner_id", Value.of("owner-01")))
                .result()).isTrue();
        assertThat(evaluate("company.owner_id exists", aContext().withCompany("owner_id", Value.of(" "))).result())
                .isFalse();
        assertThat(evaluate("company.owner_id missing", aContext()).result()).isTrue();
    }

    @Test
    void a_signal_within_the_window_holds_and_lists_the_signals_it_counted() {
        ConditionResult result = evaluate("signal pricing_page_view within 30d",
                aContext().withSignalDaysAgo("pricing_page_view", 3));

        assertThat(result.result()).isTrue();
        assertThat(result.values()).containsEntry("count", "1")
                .containsEntry("signals", "pricing_page_view@2026-11-17T10:00:00Z")
                .containsEntry("window", "2026-10-21T10:00:00Z .. 2026-11-20T10:00:00Z");
    }

    @Test
    void a_signal_older_than_the_window_does_not_count() {
        ConditionResult result = evaluate("signal pricing_page_view within 30d",
                aContext().withSignalDaysAgo("pricing_page_view", 31));

        assertThat(result.result()).isFalse();
        assertThat(result.values()).containsEntry("count", "0").containsEntry("signals", "(none)");
    }

    @Test
    void a_signal_after_now_is_invisible_so_a_replay_never_sees_the_future() {
        ContextBuilder context = aContext().withSignalDaysAgo("pricing_page_view", -1);

        assertThat(evaluate("signal pricing_page_view within 30d", context).result()).isFalse();
    }

    @Test
    void a_signal_of_another_type_does_not_count() {
        assertThat(evaluate("signal pricing_page_view within 30d", aContext().withSignalDaysAgo("page_view", 1))
                .result()).isFalse();
    }

    @Test
    void signal_any_holds_when_one_of_the_types_occurred() {
        ContextBuilder context = aContext().withSignalDaysAgo("webinar_attended", 10);

        assertThat(evaluate("signal any [pricing_page_view, content_download, webinar_attended] within 30d", context)
                .result()).isTrue();
        assertThat(evaluate("signal any [pricing_page_view, content_download] within 30d", context).result())
                .isFalse();
    }

    @Test
    void a_signal_count_needs_enough_signals_in_the_window() {
        ContextBuilder once = aContext().withSignalDaysAgo("pricing_page_view", 2)
                .withSignalDaysAgo("pricing_page_view", 40);
        ContextBuilder twice = aContext().withSignalDaysAgo("pricing_page_view", 2)
                .withSignalDaysAgo("pricing_page_view", 20);

        assertThat(evaluate("signal pricing_page_view count >= 2 within 30d", once).result()).isFalse();
        assertThat(evaluate("signal pricing_page_view count >= 2 within 30d", twice).values())
                .containsEntry("count", "2");
        assertThat(evaluate("signal pricing_page_view count >= 2 within 30d", twice).result()).isTrue();
    }

    @Test
    void a_score_threshold_reads_the_score_of_the_context() {
        assertThat(evaluate("score.fit >= 30", aContext().withScores(35, 0)).values())
                .containsExactly(entry("score.fit", "35"));
        assertThat(evaluate("score.fit >= 30", aContext().withScores(25, 40)).result()).isFalse();
        assertThat(evaluate("score.total >= 60", aContext().withScores(25, 40)).result()).isTrue();
    }

    @Test
    void days_since_last_activity_counts_from_the_latest_signal_or_recorded_activity() {
        ConditionResult dark = evaluate("days_since_last_activity >= 90",
                aContext().lastActiveDaysAgo(120).withSignalDaysAgo("page_view", 95));
        ConditionResult active = evaluate("days_since_last_activity >= 90",
                aContext().lastActiveDaysAgo(120).withSignalDaysAgo("page_view", 10));

        assertThat(dark.result()).isTrue();
        assertThat(dark.values()).containsEntry("days_since_last_activity", "95")
                .containsEntry("last_activity", "2026-08-17T10:00:00Z");
        assertThat(active.result()).isFalse();
    }

    @Test
    void days_since_last_activity_is_missing_when_nothing_ever_happened() {
        ConditionResult result = evaluate("days_since_last_activity >= 90", aContext());

        assertThat(result.result()).isFalse();
        assertThat(result.values()).containsEntry("last_activity", "(none)");
    }

    @Test
    void stage_comparison_reads_the_current_stage() {
        assertThat(evaluate("stage == mql", aContext().inStage(LifecycleStage.MQL)).result()).isTrue();
        assertThat(evaluate("stage == mql", aContext().inStage(LifecycleStage.LEAD)).values())
                .containsExactly(entry("stage", "lead"));
    }

    @Test
    void owner_state_is_readable_and_missing_when_nobody_owns_the_record() {
        ContextBuilder inactive = aContext().ownedBy(new OwnerState("owner-01", false, false, 3));

        assertThat(evaluate("owner.active == false", inactive).result()).isTrue();
        assertThat(evaluate("owner.active == false", aContext()).values())
                .containsExactly(entry("owner.active", "(missing)"));
        assertThat(evaluate("owner.active == false", aContext()).result()).isFalse();
        assertThat(evaluate("owner.assigned == false", aContext()).result()).isTrue();
        assertThat(evaluate("owner.open_leads < 5", inactive).result()).isTrue();
    }

    @Test
    void a_deal_field_compares_like_any_other_field() {
        assertThat(evaluate("deal.amount >= 100000", aContext().withDeal("amount", Value.of(150000))).result())
                .isTrue();
    }

    @Test
    void a_condition_set_needs_all_of_all_one_of_any_and_none_of_not() {
        ConditionSet set = new ConditionSet(
                java.util.List.of(ConditionParser.parse("company.employees >= 200")),
                java.util.List.of(ConditionParser.parse("company.industry == software"),
                        ConditionParser.parse("company.industry == manufacturing")),
                java.util.List.of(ConditionParser.parse("record.country == CN")));
        EvaluationContext matching = aContext().withCompany("employees", Value.of(500))
                .withCompany("industry", Value.of("manufacturing")).withRecord("country", Value.of("US")).build();
        EvaluationContext excluded = aContext().withCompany("employees", Value.of(500))
                .withCompany("industry", Value.of("manufacturing")).withRecord("country", Value.of("CN")).build();

        ConditionSet.Outcome outcome = set.evaluate(matching);
        assertThat(outcome.matched()).isTrue();
        assertThat(outcome.conditions()).extracting(ConditionResult::expr).containsExactly(
                "company.employees >= 200", "company.industry == software", "company.industry == manufacturing",
                "not (record.country == CN)");
        assertThat(outcome.conditions()).extracting(ConditionResult::result).containsExactly(true, false, true, true);
        assertThat(set.evaluate(excluded).matched()).isFalse();
    }
}
