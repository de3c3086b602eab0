package dev.orchestrator.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "company.employees >= 200|company.employees >= 200",
            "company.industry in [manufacturing,software]|company.industry in [manufacturing, software]",
            "company.country not in [US, CA]|company.country not in [US, CA]",
            "signal pricing_page_view within 30d|signal pricing_page_view within 30d",
            "signal any [pricing_page_view, content_download] within 30d|signal any [pricing_page_view, content_download] within 30d",
            "signal pricing_page_view count >= 2 within 30d|signal pricing_page_view count >= 2 within 30d",
            "score.fit >= 30|score.fit >= 30",
            "days_since_last_activity >= 90|days_since_last_activity >= 90",
            "stage == mql|stage == mql",
            "owner.active == false|owner.active == false",
            "record.zip between 94000 and 94999|record.zip between 94000 and 94999",
            "company.owner_id exists|company.owner_id exists",
            "company.technologies contains salesforce|company.technologies contains salesforce",
            "company.technologies contains any [salesforce,hubspot]|company.technologies contains any [salesforce, hubspot]",
            "contact.country != 'US'|record.country != US",
            "deal.amount>=100000|deal.amount >= 100000"})
    void renders_every_condition_form_back_to_its_canonical_text(String source, String canonical) {
        assertThat(ConditionParser.parse(source).expr()).isEqualTo(canonical);
    }

    @Test
    void reads_a_signal_count_and_window_into_the_ast() {
        Condition condition = ConditionParser.parse("signal pricing_page_view count >= 2 within 2w");

        assertThat(condition).isInstanceOfSatisfying(Condition.SignalCount.class, signal -> {
            assertThat(signal.types()).containsExactly("pricing_page_view");
            assertThat(signal.effectiveCount()).isEqualTo(new Condition.CountCheck(ComparisonOperator.GE, 2));
            assertThat(signal.window()).isEqualTo(Duration.ofDays(14));
        });
    }

    @Test
    void reads_a_number_literal_as_a_number_and_a_bare_word_as_text() {
        Condition.Comparison number = (Condition.Comparison) ConditionParser.parse("company.employees >= 200");
        Condition.Comparison text = (Condition.Comparison) ConditionParser.parse("company.industry == software");

        assertThat(number.literal().value()).isEqualTo(new Value.Num(200));
        assertThat(text.literal().value()).isEqualTo(new Value.Text("software"));
    }

    @Test
    void refuses_an_unknown_field_at_its_column_naming_the_fields_it_knows() {
        assertThatThrownBy(() -> ConditionParser.parse("size >= 200"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.problem()).startsWith("expected a field (company.<name>").endsWith("found 'size'");
                });
    }

    @Test
    void refuses_a_missing_operator_at_the_column_after_the_field() {
        assertThatThrownBy(() -> ConditionParser.parse("company.employees 200"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(19);
                    assertThat(e.problem()).contains("expected an operator").endsWith("found '200'");
                });
    }

    @Test
    void refuses_a_single_equals_sign_and_says_how_equality_is_written() {
        assertThatThrownBy(() -> ConditionParser.parse("stage = mql"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.problem()).contains("equality is written ==");
                });
    }

    @Test
    void refuses_a_signal_without_a_window() {
        assertThatThrownBy(() -> ConditionParser.parse("signal pricing_page_view"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(25);
                    assertThat(e.problem()).isEqualTo("expected 'count' or 'within' but found the end of the condition");
                });
    }

    @Test
    void refuses_a_window_without_a_unit() {
        assertThatThrownBy(() -> ConditionParser.parse("signal webinar_attended within 30"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(32);
                    assertThat(e.problem()).startsWith("expected a time window such as 30d");
                });
    }

    @Test
    void refuses_an_unknown_stage_naming_the_stages() {
        assertThatThrownBy(() -> ConditionParser.parse("stage in [lead, hot]"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(17);
                    assertThat(e.problem()).contains("subscriber, lead, mql, sql");
                });
    }

    @Test
    void refuses_an_ordering_comparison_against_text() {
        assertThatThrownBy(() -> ConditionParser.parse("company.employees >= many"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(22);
                    assertThat(e.problem()).isEqualTo("expected a number after >= but found 'many'");
                });
    }

    @Test
    void refuses_an_unclosed_list() {
        assertThatThrownBy(() -> ConditionParser.parse("company.industry in [software"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class,
                        e -> assertThat(e.problem()).isEqualTo("expected ',' or ']' but found the end of the condition"));
    }

    @Test
    void refuses_trailing_words() {
        assertThatThrownBy(() -> ConditionParser.parse("score.fit >= 30 and score.behavior >= 10"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(17);
                    assertThat(e.problem()).isEqualTo("expected the end of the condition but found 'and'");
                });
    }

    @Test
    void refuses_an_empty_condition() {
        assertThatThrownBy(() -> ConditionParser.parse("  "))
                .isInstanceOf(ConditionSyntaxException.class).hasMessageContaining("expected a condition");
    }
}
