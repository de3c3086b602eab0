package dev.orchestrator.domain.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.merge.FieldMergeRule.Strategy;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergePolicyTest {
    private static final Instant EARLIER = Instant.parse("2026-01-05T10:15:30Z");
    private static final Instant LATER = Instant.parse("2026-02-05T10:15:30Z");

    private static FieldValue crmUser(String value) {
        return FieldValue.of(value, SourceRanking.CRM_USER, EARLIER);
    }

    private static FieldValue form(String value, Instant at) {
        return FieldValue.of(value, SourceRanking.FORM, at);
    }

    private static FieldValue enrichment(String value, double confidence) {
        return new FieldValue(value, SourceRanking.ENRICHMENT, "clearbit", LATER, confidence);
    }

    private static MergePolicy policy(FieldMergeRule... rules) {
        return new MergePolicy(SourceRanking.DEFAULT, List.of(rules), Strategy.SOURCE_PRIORITY, 0.5);
    }

    @Test
    void an_empty_field_is_filled_whatever_the_source() {
        MergeOutcome outcome = policy().decide("industry", Optional.empty(), enrichment("software", 0.9));

        assertThat(outcome).isInstanceOf(MergeOutcome.Apply.class);
        assertThat(outcome.rule()).isEqualTo("fill-empty");
    }

    @Test
    void a_more_trusted_source_keeps_its_value() {
        MergeOutcome outcome = policy().decide("industry", Optional.of(crmUser("retail")),
                enrichment("software", 0.9));

        assertThat(outcome).isInstanceOf(MergeOutcome.Keep.class);
        assertThat(outcome.explanation()).isEqualTo("crm-user outranks enrichment");
        assertThat(outcome.result().value()).isEqualTo("retail");
    }

    @Test
    void a_more_trusted_source_replaces_a_less_trusted_value() {
        MergeOutcome outcome = policy().decide("phone", Optional.of(enrichment("+14155550000", 0.9)),
                form("+14155552671", EARLIER));

        assertThat(outcome).isInstanceOf(MergeOutcome.Apply.class);
        assertThat(outcome.explanation()).isEqualTo("form outranks enrichment");
    }

    @Test
    void between_equally_trusted_sources_the_newer_value_wins() {
        MergeOutcome outcome = policy().decide("last_name", Optional.of(form("Smith", EARLIER)),
                form("Smith-Jones", LATER));

        assertThat(outcome).isInstanceOf(MergeOutcome.Apply.class);
        assertThat(outcome.explanation()).startsWith("same source form, the offered value is newer");
    }

    @Test
    void newest_wins_lets_a_less_trusted_but_newer_value_replace() {
        MergeOutcome outcome = policy(new FieldMergeRule("phone", Strategy.NEWEST_WINS))
                .decide("phone", Optional.of(crmUser("+14155550000")), form("+14155552671", LATER));

        assertThat(outcome).isInstanceOf(MergeOutcome.Apply.class);
        assertThat(outcome.rule()).isEqualTo("newest-wins");
    }

    @Test
    void newest_wins_keeps_the_current_value_when_the_offer_is_older() {
        MergeOutcome outcome = policy(new FieldMergeRule("phone", Strategy.NEWEST_WINS))
                .decide("phone", Optional.of(form("+14155550000", LATER)), form("+14155552671", EARLIER));

        assertThat(outcome).isInstanceOf(MergeOutcome.Keep.class);
    }

    @Test
    void the_owner_is_never_overwritten_even_when_the_file_says_otherwise() {
        MergeOutcome outcome = policy(new FieldMergeRule("owner", Strategy.TRUSTED_REFRESH))
                .decide("owner", Optional.of(form("owner-7", EARLIER)), crmUser("owner-9"));

        assertThat(outcome).isInstanceOf(MergeOutcome.Keep.class);
        assertThat(outcome.rule()).isEqualTo("never-overwrite");
    }

    @Test
    void an_empty_owner_is_filled() {
        MergeOutcome outcome = policy().decide("owner", Optional.empty(), crmUser("owner-9"));

        assertThat(outcome.changes()).isTrue();
    }

    @Test
    void a_trusted_refresh_field_overwrites_what_a_person_entered() {
        MergeOutcome outcome = policy(new FieldMergeRule("employees", Strategy.TRUSTED_REFRESH))
                .decide("employees", Optional.of(crmUser("50")), enrichment("240", 0.9));

        assertThat(outcome).isInstanceOf(MergeOutcome.Apply.class);
        assertThat(outcome.rule()).isEqualTo("trusted-refresh");
    }

    @Test
    void an_answer_below_the_minimum_confidence_changes_nothing() {
        MergeOutcome outcome = policy().decide("industry", Optional.empty(), enrichment("software", 0.3));

        assertThat(outcome).isInstanceOf(MergeOutcome.Keep.class);
        assertThat(outcome.rule()).isEqualTo("below-minimum-confidence");
    }

    @Test
    void an_equal_value_is_kept_without_a_change() {
        MergeOutcome outcome = policy().decide("industry", Optional.of(crmUser("software")),
                enrichment("software", 0.9));

        assertThat(outcome.changes()).isFalse();
        assertThat(outcome.rule()).isEqualTo("already-equal");
    }

    @Test
    void an_unknown_source_ranks_below_every_named_one() {
        MergeOutcome outcome = policy().decide("industry", Optional.of(enrichment("software", 0.9)),
                FieldValue.of("retail", "some-new-import", LATER));

        assertThat(outcome).isInstanceOf(MergeOutcome.Keep.class);
    }

    @Test
    void with_trusted_refresh_marks_the_named_fields() {
        MergePolicy trusted = policy().withTrustedRefresh(Set.of("employees"));

        assertThat(trusted.ruleFor("employees").strategy()).isEqualTo(Strategy.TRUSTED_REFRESH);
        assertThat(trusted.ruleFor("industry").strategy()).isEqualTo(Strategy.SOURCE_PRIORITY);
    }

    @Test
    void the_evidence_names_field_before_after_rule_and_provider() {
        MergeOutcome outcome = policy().decide("employees", Optional.of(enrichment("50", 0.6)),
                new FieldValue("240", SourceRanking.ENRICHMENT, "apollo", LATER.plusSeconds(1), 0.8));

        assertThat(outcome.evidence()).containsEntry("field", "employees").containsEntry("before", "50")
                .containsEntry("after", "240").containsEntry("rule", "source-priority")
                .containsEntry("provider", "apollo").containsEntry("confidence", "0.80");
    }

    @Test
    void decide_all_lists_one_outcome_per_offered_field_in_order() {
        Map<String, FieldValue> offered = new LinkedHashMap<>();
        offered.put("industry", enrichment("software", 0.9));
        offered.put("employees", enrichment("240", 0.9));

        assertThat(policy().decideAll(Map.of("industry", crmUser("retail")), offered))
                .extracting(MergeOutcome::field, MergeOutcome::changes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("industry", false),
                        org.assertj.core.groups.Tuple.tuple("employees", true));
    }

    @Test
    void a_field_may_have_only_one_rule() {
        assertThatThrownBy(() -> policy(new FieldMergeRule("phone", Strategy.NEWEST_WINS),
                new FieldMergeRule("phone", Strategy.SOURCE_PRIORITY))).isInstanceOf(DomainViolation.class);
    }

    @Test
    void an_unknown_rule_name_is_refused_with_the_names_that_exist() {
        assertThatThrownBy(() -> Strategy.fromKey("loudest-wins")).isInstanceOf(DomainViolation.class)
                .hasMessageContaining("source-priority");
    }

    @Test
    void a_ranking_may_not_repeat_a_source() {
        assertThatThrownBy(() -> new SourceRanking(List.of("form", "form"))).isInstanceOf(DomainViolation.class);
    }
}
