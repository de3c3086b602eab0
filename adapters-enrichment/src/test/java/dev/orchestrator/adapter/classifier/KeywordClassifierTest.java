package dev.orchestrator.adapter.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.classification.FailureCategory;
import dev.orchestrator.domain.classification.QualificationStatus;
import dev.orchestrator.domain.classification.RoutingTier;
import dev.orchestrator.domain.classification.StackItem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeywordClassifierTest {
    private final LeadClassifier offline = LeadClassifiers.offline();

    private ClassificationProposal classify(String message) {
        return classify(message, Map.of());
    }

    private ClassificationProposal classify(String message, Map<String, String> fields) {
        ClassifierAnswer answer = offline.classify(new ClassificationInput(message, Optional.empty(),
                Optional.empty(), fields));
        assertThat(answer).isInstanceOf(ClassifierAnswer.Proposal.class);
        return ((ClassifierAnswer.Proposal) answer).proposal();
    }

    @Test
    void a_compliance_need_with_approved_budget_is_a_qualified_priority_lead() {
        ClassificationProposal proposal = classify(
                "Our auditors need SOC-2 evidence; budget is approved. We run Snowflake on Kubernetes.");

        assertThat(proposal.qualificationStatus()).isEqualTo(QualificationStatus.QUALIFIED);
        assertThat(proposal.routingTier()).isEqualTo(RoutingTier.PRIORITY);
        assertThat(proposal.failureCategory()).isEqualTo(FailureCategory.COMPLIANCE);
        assertThat(proposal.detectedStack()).containsExactly(StackItem.KUBERNETES, StackItem.SNOWFLAKE);
        assertThat(proposal.technicalSummary()).contains("budget approved").contains("snowflake");
    }

    @Test
    void a_student_is_unqualified_and_self_serve() {
        ClassificationProposal proposal = classify("I'm a student writing my thesis on Kubernetes");

        assertThat(proposal.qualificationStatus()).isEqualTo(QualificationStatus.UNQUALIFIED);
        assertThat(proposal.routingTier()).isEqualTo(RoutingTier.SELF_SERVE);
    }

    @Test
    void just_looking_is_nurture() {
        ClassificationProposal proposal = classify("Just looking for now, no budget.");

        assertThat(proposal.qualificationStatus()).isEqualTo(QualificationStatus.NURTURE);
        assertThat(proposal.routingTier()).isEqualTo(RoutingTier.NURTURE);
    }

    @Test
    void text_with_no_known_signal_needs_info_with_low_confidence() {
        ClassificationProposal proposal = classify("Please call me back.");

        assertThat(proposal.qualificationStatus()).isEqualTo(QualificationStatus.NEEDS_INFO);
        assertThat(proposal.confidence()).isEqualTo(0.3);
        assertThat(proposal.technicalSummary()).isEqualTo("No known signal in the text.");
    }

    @Test
    void urgent_and_just_looking_together_ask_for_manual_review() {
        ClassificationProposal proposal = classify("Urgent! But honestly just looking, no timeline.");

        assertThat(proposal.manualReviewRequired()).isTrue();
        assertThat(proposal.confidence()).isLessThan(0.6);
    }

    @Test
    void words_match_whole_words_only() {
        assertThat(classify("We use Hubspotter, a sapling and a javascript toy").detectedStack()).isEmpty();
    }

    @Test
    void the_urgency_field_is_read_beside_the_message() {
        ClassificationProposal plain = classify("We need pricing");
        ClassificationProposal urgent = classify("We need pricing", Map.of("urgency", "ASAP"));

        assertThat(urgent.leadScore()).isGreaterThan(plain.leadScore());
    }

    @Test
    void a_large_company_scores_higher_on_the_same_text() {
        assertThat(classify("We need pricing", Map.of("employees", "5000")).leadScore())
                .isEqualTo(classify("We need pricing").leadScore() + 15);
    }

    @Test
    void a_lead_without_a_message_needs_info_whatever_its_company_size() {
        ClassificationProposal proposal = classify("", Map.of("employees", "5000", "industry", "software"));

        assertThat(proposal.qualificationStatus()).isEqualTo(QualificationStatus.NEEDS_INFO);
        assertThat(proposal.confidence()).isEqualTo(0.3);
        assertThat(proposal.leadScore()).isEqualTo(45);
    }

    @Test
    void the_same_input_always_gets_the_same_answer() {
        String message = "Kafka ingestion drops events, urgent, budget approved";
        assertThat(classify(message)).isEqualTo(classify(message));
    }

    @Test
    void the_answer_is_json_read_back_through_the_schema() {
        ClassifierAnswer answer = offline.classify(new ClassificationInput("Need a demo of your Kafka connector",
                Optional.empty(), Optional.empty(), Map.of()));

        assertThat(((ClassifierAnswer.Proposal) answer).rawAnswer()).startsWith("{\"qualification_status\":")
                .contains("\"detected_stack\":[\"kafka\"]");
    }

    @Test
    void the_trace_names_the_rules_file_by_its_hash() {
        assertThat(offline.info().name()).isEqualTo("offline");
        assertThat(offline.info().model()).isEqualTo("keyword-rules");
        assertThat(offline.info().promptVersion()).matches("offline-rules@[0-9a-f]{12}");
    }

    @Test
    void a_rule_naming_an_unknown_stack_item_is_refused_with_its_line() {
        assertThatThrownBy(() -> KeywordRules.parse("# header\ncobol | words: cobol | stack cobol\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offline classifier rules, line 2: unknown stack item 'cobol'");
    }

    @Test
    void a_rule_without_three_parts_is_refused() {
        assertThatThrownBy(() -> KeywordRules.parse("x | words: a"))
                .hasMessageContaining("line 1: expected 'id | match | effects'");
    }

    @Test
    void a_bad_regex_is_refused() {
        assertThatThrownBy(() -> KeywordRules.parse("x | regex: (unclosed | score +1"))
                .hasMessageContaining("line 1: bad regex");
    }
}
