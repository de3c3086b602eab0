package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.rules.RuleFixture;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureAndOwnersParserTest {
    private static final OwnerRoster DIRECTORY = OwnerRoster.of(List.of(new OwnerState("owner-01", true, false, 7)));
    private final RuleFixtureYamlParser fixtures = new RuleFixtureYamlParser();

    private List<RuleFixture> parse(String yaml) {
        return fixtures.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), DIRECTORY);
    }

    @Test
    void reads_a_fixture_with_relative_and_absolute_signal_times_and_a_directory_owner() {
        RuleFixture fixture = parse("""
                name: example
                now: 2026-11-20T10:00:00Z
                given:
                  stage: mql
                  owner: owner-01
                  record: { country: US, zip: "02134" }
                  company: { employees: 450 }
                  signals:
                    - { type: Pricing_Page_View, days_ago: 3 }
                    - { type: webinar_attended, at: 2026-11-01T00:00:00Z }
                expect:
                  stage: sql
                """).get(0);

        assertThat(fixture.given().stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(fixture.given().owner()).contains(new OwnerState("owner-01", true, false, 7));
        assertThat(fixture.given().record().get("zip")).isEqualTo(Value.of("02134"));
        assertThat(fixture.given().company().get("employees")).isEqualTo(Value.of(450));
        assertThat(fixture.given().signals()).containsExactly(
                new Signal("pricing_page_view", Instant.parse("2026-11-17T10:00:00Z")),
                new Signal("webinar_attended", Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(fixture.expect().stage()).contains(LifecycleStage.SQL);
    }

    @Test
    void reads_a_classifier_proposal_as_the_ai_fields_of_the_record() {
        RuleFixture fixture = parse("""
                name: ai
                now: 2026-11-20T10:00:00Z
                given:
                  ai: { routing_tier: priority, confidence: 0.9 }
                expect:
                  stage: sql
                """).get(0);

        assertThat(fixture.given().ai()).containsEntry("routing_tier", Value.of("priority"))
                .containsEntry("confidence", Value.of(0.9));
    }

    @Test
    void an_ai_field_a_classifier_may_not_propose_is_refused_at_its_line() {
        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class, () -> parse("""
                name: ai
                now: 2026-11-20T10:00:00Z
                given:
                  ai:
                    owner_id: owner-01
                expect:
                  stage: sql
                """));

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.problem()).contains("ai.owner_id").contains("not a field a classifier may propose");
    }

    @Test
    void yaml_1_1_flags_and_numbers_stay_text_so_norway_is_a_country() {
        RuleFixture fixture = parse("""
                name: norway
                now: 2026-11-20T10:00:00Z
                given:
                  record: { country: NO, code: 0x1F, seats: 1_000, opted_in: yes, active: true, employees: 250 }
                expect: { stage: lead }
                """).get(0);

        assertThat(fixture.given().record()).containsEntry("country", Value.of("NO"))
                .containsEntry("code", Value.of("0x1F")).containsEntry("seats", Value.of("1_000"))
                .containsEntry("opted_in", Value.of("yes")).containsEntry("active", Value.of(true))
                .containsEntry("employees", Value.of(250));
    }

    @Test
    void an_owner_override_keeps_the_directory_values_it_does_not_name() {
        RuleFixture fixture = parse("""
                name: example
                now: 2026-11-20T10:00:00Z
                given:
                  owners: [ { id: owner-01, out_of_office: true } ]
                expect:
                  owner: owner-01
                """).get(0);

        assertThat(fixture.ownerOverrides()).containsExactly(new OwnerState("owner-01", true, true, 7));
    }

    @Test
    void a_fixture_without_expectations_is_refused_at_the_expect_key() {
        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class, () -> parse("""
                name: example
                now: 2026-11-20T10:00:00Z
                given: { stage: lead }
                expect: {}
                """));

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.problem()).contains("must expect at least one thing");
    }

    @Test
    void a_signal_with_two_times_is_refused() {
        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class, () -> parse("""
                name: example
                now: 2026-11-20T10:00:00Z
                given:
                  signals:
                    - { type: page_view, days_ago: 3, at: 2026-11-01T00:00:00Z }
                expect: { stage: lead }
                """));

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.problem()).startsWith("expected exactly one of at, days_ago or hours_ago");
    }

    @Test
    void an_unreadable_now_is_refused_with_the_expected_format() {
        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class, () -> parse("""
                name: example
                now: yesterday
                given: {}
                expect: { stage: lead }
                """));

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.problem()).contains("ISO-8601 instant");
    }

    @Test
    void the_sandbox_owner_directory_has_twelve_owners_some_inactive_or_away() {
        OwnerRoster owners = ShippedRules.sandboxOwners();

        assertThat(owners.owners()).hasSize(12);
        assertThat(owners.owners().values()).filteredOn(owner -> !owner.active()).extracting(OwnerState::id)
                .containsExactly("owner-03", "owner-10");
        assertThat(owners.owners().values()).filteredOn(OwnerState::outOfOffice).extracting(OwnerState::id)
                .containsExactly("owner-04", "owner-06", "owner-12");
    }

    @Test
    void an_owners_file_repeating_an_id_is_refused() {
        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class, () -> new OwnersYamlParser().parse("""
                owners:
                  - { id: owner-01 }
                  - { id: owner-01, active: false }
                """));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.problem()).contains("'owner-01' repeats");
    }

    @Test
    void reloading_a_refused_file_keeps_the_active_ruleset() {
        ActiveRulesetHolder holder = new ActiveRulesetHolder(new RulesetYamlParser(), ShippedRules.defaultRuleset());

        RulesetSyntaxError error = catchThrowableOfType(RulesetSyntaxError.class,
                () -> holder.reload("routing: [ { id: r } ]".getBytes(StandardCharsets.UTF_8)));
        ActiveRulesetHolder.Reload reload = holder.reload("label: next".getBytes(StandardCharsets.UTF_8));

        assertThat(error).isNotNull();
        assertThat(reload.previous().version()).isEqualTo(ShippedRules.defaultRuleset().version());
        assertThat(reload.changed()).isTrue();
        assertThat(holder.current().label()).contains("next");
    }
}
