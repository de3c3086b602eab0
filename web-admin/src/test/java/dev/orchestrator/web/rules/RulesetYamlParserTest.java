package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.ActionSpec;
import dev.orchestrator.domain.rules.Assignment;
import dev.orchestrator.domain.rules.Condition;
import dev.orchestrator.domain.rules.LifecycleRule;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.ScoreKind;
import dev.orchestrator.domain.rules.ScoringRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesetYamlParserTest {
    private final RulesetYamlParser parser = new RulesetYamlParser();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = RulesetYamlParserTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private RulesetSyntaxError refusal(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(yaml));
        assertThat(thrown).isInstanceOf(RulesetSyntaxError.class);
        return (RulesetSyntaxError) thrown;
    }

    @Test
    void accepts_the_design_example_verbatim() throws IOException {
        Ruleset ruleset = parser.parse(resource("/rules/design-example.yaml"));

        assertThat(ruleset.label()).contains("2026-11 ICP v3");
        assertThat(ruleset.scoring()).extracting(ScoringRule::id, ScoringRule::kind, ScoringRule::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fit-1", ScoreKind.FIT, 20),
                        org.assertj.core.groups.Tuple.tuple("fit-2", ScoreKind.FIT, 15),
                        org.assertj.core.groups.Tuple.tuple("behavior-1", ScoreKind.BEHAVIOR, 25));
        assertThat(ruleset.lifecycle()).extracting(LifecycleRule::id)
                .containsExactly("mql-fit-and-intent", "nurture-after-90-days-dark");
        LifecycleRule mql = ruleset.lifecycle().get(0);
        assertThat(mql.from()).containsExactly(LifecycleStage.LEAD);
        assertThat(mql.to()).isEqualTo(LifecycleStage.MQL);
        assertThat(mql.when().all()).extracting(Condition::expr).containsExactly("score.fit >= 30",
                "signal any [pricing_page_view, content_download, webinar_attended] within 30d");
        assertThat(ruleset.routing().get(0).assign()).isEqualTo(
                new Assignment.ToPool("manufacturing-aes", Assignment.Strategy.ROUND_ROBIN, OptionalInt.of(40)));
        assertThat(ruleset.routing().get(1).assign()).isEqualTo(new Assignment.ToQueue("nurture"));
        assertThat(ruleset.actions()).singleElement().satisfies(action -> {
            assertThat(action.onTo()).contains(LifecycleStage.SQL);
            assertThat(action.actions()).containsExactly(
                    new ActionSpec("slack", "#sales-alerts", Map.of("template", "sql-handoff")),
                    new ActionSpec("crm_task", "Call within 1 business day", Map.of()));
        });
        assertThat(ruleset.undefinedPools()).containsExactly("manufacturing-aes");
    }

    @Test
    void the_version_is_the_sha256_of_the_file_bytes() throws IOException {
        byte[] bytes = resource("/rules/design-example.yaml");
        String expected = java.util.HexFormat.of().formatHex(
                assertDoesNotThrowDigest(bytes));

        assertThat(parser.parse(bytes).version().hash()).isEqualTo(expected);
        assertThat(parser.parse(new String(bytes, StandardCharsets.UTF_8) + "\n").version().hash())
                .isNotEqualTo(expected);
    }

    private static byte[] assertDoesNotThrowDigest(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reads_pools_with_cap_overflow_and_fallback_queue() {
        Ruleset ruleset = parser.parse("""
                pools:
                  aes: { owners: [ae-1, ae-2], cap_open_leads: 30, overflow: sdrs, fallback_queue: ae-queue }
                  sdrs: { owners: [sdr-1] }
                fallback_queue: triage
                """);

        assertThat(ruleset.pools().get("aes").owners()).containsExactly("ae-1", "ae-2");
        assertThat(ruleset.pools().get("aes").capOpenLeads()).hasValue(30);
        assertThat(ruleset.pools().get("aes").overflow()).contains("sdrs");
        assertThat(ruleset.pools().get("aes").fallbackQueue()).contains("ae-queue");
        assertThat(ruleset.fallbackQueue()).isEqualTo("triage");
    }

    @Test
    void reads_a_reason_code_an_account_owner_assignment_and_an_action_narrowed_by_conditions() {
        Ruleset ruleset = parser.parse("""
                lifecycle:
                  - id: reopen
                    from: sql
                    to: lead
                    reason: reopened
                    any: [ "signal demo_requested within 7d", "signal meeting_booked within 7d" ]
                    not: [ "stage == customer" ]
                routing:
                  - id: account-based
                    all: [ "company.owner_id exists" ]
                    assign: { account_owner: true }
                actions:
                  - id: big-deal
                    on: { to: opportunity }
                    when: "deal.amount >= 100000"
                    do: [ { flag_account: executive-attention } ]
                """);

        assertThat(ruleset.lifecycle().get(0).reason()).contains("reopened");
        assertThat(ruleset.lifecycle().get(0).when().any()).hasSize(2);
        assertThat(ruleset.lifecycle().get(0).when().not()).hasSize(1);
        assertThat(ruleset.routing().get(0).assign()).isEqualTo(new Assignment.ToAccountOwner());
        assertThat(ruleset.actions().get(0).when().all()).extracting(Condition::expr)
                .containsExactly("deal.amount >= 100000");
        assertThat(ruleset.actions().get(0).onFrom()).isEqualTo(Set.of());
        assertThat(ruleset.actions().get(0).onRule()).isEqualTo(Optional.empty());
    }

    @Test
    void a_bad_condition_is_refused_at_its_line_and_the_column_inside_the_quoted_scalar() {
        RulesetSyntaxError error = refusal("""
                scoring:
                  fit:
                    - { when: "company.employees >= 200", points: 20 }
                    - { when: "company.industry is [manufacturing]", points: 15 }
                """);

        assertThat(error.line()).isEqualTo(4);
        // the scalar's text starts at column 16 (after the quote); 'is' is its 18th character
        assertThat(error.column()).isEqualTo(16 + 17);
        assertThat(error.problem()).startsWith("expected an operator").contains("but found 'is'");
    }

    @Test
    void a_bad_condition_in_a_plain_block_list_is_refused_at_its_own_column() {
        RulesetSyntaxError error = refusal("""
                lifecycle:
                  - id: mql
                    from: [lead]
                    to: mql
                    all:
                      - score.fit >= thirty
                """);

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.column()).isEqualTo(9 + 13);
        assertThat(error.problem()).startsWith("expected a number after >= but found 'thirty'");
    }

    @Test
    void an_unknown_stage_is_refused_naming_the_stages() {
        RulesetSyntaxError error = refusal("""
                lifecycle:
                  - id: mql
                    from: [lead]
                    to: marketing-qualified
                    all: [ "score.fit >= 30" ]
                """);

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.problem()).startsWith("expected a lifecycle stage (subscriber, lead, mql");
    }

    @Test
    void an_unknown_key_is_refused_naming_the_keys_allowed_there() {
        RulesetSyntaxError error = refusal("""
                label: x
                routing:
                  - id: r
                    all: [ "company.employees < 20" ]
                    asign: { queue: nurture }
                """);

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.problem()).isEqualTo("expected one of all, any, assign, id, not, when in a routing rule "
                + "but found 'asign'");
    }

    @Test
    void a_missing_required_key_is_refused_at_the_rule() {
        RulesetSyntaxError error = refusal("""
                lifecycle:
                  - id: mql
                    to: mql
                    all: [ "score.fit >= 30" ]
                """);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).isEqualTo("expected key 'from' (the stages this rule leaves)");
    }

    @Test
    void a_wrong_type_is_refused_saying_what_was_expected() {
        RulesetSyntaxError error = refusal("""
                scoring:
                  fit:
                    - { when: "company.employees >= 200", points: twenty }
                """);

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.problem()).isEqualTo("expected points (a whole number) but found 'twenty'");
    }

    @Test
    void invalid_yaml_is_refused_with_the_parsers_position() {
        RulesetSyntaxError error = refusal("""
                label: "unterminated
                scoring: {}
                """);

        assertThat(error.line()).isGreaterThanOrEqualTo(1);
        assertThat(error.problem()).startsWith("expected valid YAML");
    }

    @Test
    void a_duplicate_key_is_refused() {
        RulesetSyntaxError error = refusal("""
                label: a
                label: b
                """);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).isEqualTo("expected each key once but found 'label' again");
    }

    @Test
    void a_backward_move_without_a_reason_is_refused_at_the_rule() {
        RulesetSyntaxError error = refusal("""
                lifecycle:
                  - id: demote
                    from: [sql]
                    to: lead
                    all: [ "days_since_last_activity >= 30" ]
                """);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).contains("needs a reason code");
    }

    @Test
    void a_rule_id_used_twice_is_refused() {
        RulesetSyntaxError error = refusal("""
                routing:
                  - { id: r, all: [ "company.employees < 20" ], assign: { queue: a } }
                  - { id: r, all: [ "company.employees < 50" ], assign: { queue: b } }
                """);

        assertThat(error.problem()).contains("rule id 'r' is used twice");
    }

    @Test
    void an_overflow_to_an_undefined_pool_is_refused_at_the_overflow() {
        RulesetSyntaxError error = refusal("""
                pools:
                  aes: { owners: [ae-1], overflow: sdr }
                """);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).startsWith("expected the name of a pool defined here (aes)");
    }

    @Test
    void reads_sla_rules_and_business_hours() {
        Ruleset ruleset = parser.parse("""
                business_hours: { zone: Europe/Berlin, opens: "08:30", closes: "18:00", days: [mon, tue, wed] }
                sla:
                  - { id: sql-first-touch, stage: sql, within_business_hours: 8, alert: "#sales" }
                """);

        assertThat(ruleset.sla()).containsExactly(new dev.orchestrator.domain.rules.SlaRule("sql-first-touch",
                LifecycleStage.SQL, java.time.Duration.ofHours(8), Optional.of("#sales")));
        assertThat(ruleset.businessHours().zone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(ruleset.businessHours().opens()).isEqualTo(java.time.LocalTime.of(8, 30));
        assertThat(ruleset.businessHours().days()).hasSize(3);
    }

    @Test
    void an_unknown_time_zone_is_refused_at_its_position() {
        RulesetSyntaxError error = refusal("""
                business_hours:
                  zone: Mars/Olympus
                """);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.problem()).startsWith("expected a time zone");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(refusal("").problem()).isEqualTo("expected a YAML mapping but the file is empty");
    }

    @Test
    void the_shipped_default_ruleset_parses() throws IOException {
        Ruleset ruleset = parser.parse(resource("/rules/default-ruleset.yaml"));

        assertThat(ruleset.undefinedPools()).isEmpty();
        assertThat(ruleset.sla()).extracting(dev.orchestrator.domain.rules.SlaRule::id).containsExactly("sql-first-touch");
        assertThat(ruleset.pools()).hasSize(3);
        assertThat(ruleset.pools().values().stream().mapToInt(pool -> pool.owners().size()).sum()).isEqualTo(12);
    }
}
