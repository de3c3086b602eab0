package dev.orchestrator.domain.classification;

import static dev.orchestrator.domain.classification.ProposalBuilder.aProposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.shared.DomainViolation;
import org.junit.jupiter.api.Test;

class ClassificationProposalTest {

    @Test
    void a_score_above_100_is_refused_naming_the_field() {
        assertThatThrownBy(() -> aProposal().withScore(101).build())
                .isInstanceOfSatisfying(DomainViolation.class, e -> assertThat(e.field()).isEqualTo("lead_score"));
    }

    @Test
    void a_negative_score_is_refused() {
        assertThatThrownBy(() -> aProposal().withScore(-1).build()).isInstanceOf(DomainViolation.class);
    }

    @Test
    void a_confidence_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> aProposal().withConfidence(1.01).build())
                .isInstanceOfSatisfying(DomainViolation.class, e -> assertThat(e.field()).isEqualTo("confidence"));
        assertThatThrownBy(() -> aProposal().withConfidence(Double.NaN).build())
                .isInstanceOf(DomainViolation.class);
    }

    @Test
    void a_summary_longer_than_500_characters_is_refused() {
        assertThat(aProposal().withSummary("x".repeat(500)).build().technicalSummary()).hasSize(500);
        assertThatThrownBy(() -> aProposal().withSummary("x".repeat(501)).build())
                .isInstanceOfSatisfying(DomainViolation.class,
                        e -> assertThat(e.field()).isEqualTo("technical_summary"));
    }

    @Test
    void a_stack_item_named_twice_is_refused() {
        assertThatThrownBy(() -> aProposal().withStack(StackItem.KAFKA, StackItem.KAFKA).build())
                .isInstanceOf(DomainViolation.class);
    }

    @Test
    void as_text_gives_every_field_under_its_key_and_the_stack_as_a_list() {
        ClassificationProposal proposal = aProposal().withTier(RoutingTier.PRIORITY)
                .withStack(StackItem.SNOWFLAKE, StackItem.KUBERNETES).withConfidence(0.85).build();

        assertThat(proposal.asText()).containsOnlyKeys(ClassificationField.keys())
                .containsEntry("routing_tier", "priority").containsEntry("detected_stack", "snowflake,kubernetes")
                .containsEntry("confidence", "0.85").containsEntry("manual_review_required", "false");
    }

    @Test
    void taxonomy_keys_are_lower_case_names_and_unknown_keys_are_absent() {
        assertThat(RoutingTier.fromKey("self_serve")).contains(RoutingTier.SELF_SERVE);
        assertThat(FailureCategory.fromKey("data_pipeline")).contains(FailureCategory.DATA_PIPELINE);
        assertThat(StackItem.fromKey("Snowflake")).isEmpty();
        assertThat(QualificationStatus.fromKey("hot")).isEmpty();
    }

    @Test
    void the_proposable_fields_are_exactly_the_eight_of_the_contract() {
        assertThat(ClassificationField.keys()).containsExactlyInAnyOrder("qualification_status", "lead_score",
                "routing_tier", "technical_summary", "detected_stack", "failure_category", "confidence",
                "manual_review_required");
    }
}
