package dev.orchestrator.application.classification;

import static dev.orchestrator.domain.classification.ProposalBuilder.aProposal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ClassifyLeadCommand;
import dev.orchestrator.application.port.in.LeadClassification;
import dev.orchestrator.application.port.in.LeadClassification.Outcome;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.service.ClassifyLeadService;
import dev.orchestrator.domain.classification.RoutingTier;
import dev.orchestrator.domain.classification.StackItem;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.RulesetBuilder;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifyLeadServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ClassifyLeadCommand COMMAND = new ClassifyLeadCommand(new ClassificationInput(
            "We need SOC 2 evidence for our Snowflake pipelines, budget approved", Optional.of("Acme"),
            Optional.of("acme.com"), Map.of("country", "US")));

    private static LeadClassification classify(ClassifierAnswer answer) {
        return new ClassifyLeadService(new ScriptedClassifier(answer)).classify(COMMAND);
    }

    @Test
    void an_accepted_proposal_becomes_typed_ai_values_for_the_rules() {
        LeadClassification result = classify(new ClassifierAnswer.Proposal(aProposal().withTier(RoutingTier.PRIORITY)
                .withScore(82).withConfidence(0.9).withStack(StackItem.SNOWFLAKE).build(), "{\"raw\":true}"));

        assertThat(result.outcome()).isEqualTo(Outcome.PROPOSED);
        assertThat(result.ruleValues()).containsEntry("routing_tier", Value.of("priority"))
                .containsEntry("lead_score", Value.of(82)).containsEntry("confidence", Value.of(0.9))
                .containsEntry("manual_review_required", Value.of(false))
                .containsEntry("detected_stack", Value.of("snowflake")).hasSize(8);
    }

    @Test
    void an_accepted_proposal_is_evidenced_with_model_prompt_version_fields_and_raw_answer() {
        LeadClassification result = classify(new ClassifierAnswer.Proposal(aProposal().build(), "{\"raw\":true}"));

        assertThat(result.evidence()).containsEntry("classifier", "scripted").containsEntry("model", "test-model-1")
                .containsEntry("promptVersion", "prompt-v1").containsEntry("outcome", "proposed")
                .containsEntry("ai.qualification_status", "qualified").containsEntry("rawAnswer", "{\"raw\":true}")
                .containsEntry("inputHash", COMMAND.input().hash());
    }

    @Test
    void a_discarded_answer_gives_the_rules_nothing_and_keeps_reason_and_raw_answer() {
        LeadClassification result = classify(new ClassifierAnswer.Discarded("lead_score: must be at most 100",
                "{\"lead_score\": 140}"));

        assertThat(result.outcome()).isEqualTo(Outcome.DISCARDED);
        assertThat(result.ruleValues()).isEmpty();
        assertThat(result.proposal()).isEmpty();
        assertThat(result.evidence()).containsEntry("outcome", "discarded")
                .containsEntry("reason", "lead_score: must be at most 100")
                .containsEntry("rawAnswer", "{\"lead_score\": 140}");
        assertThat(result.summary()).isEqualTo("proposal discarded: lead_score: must be at most 100");
    }

    @Test
    void an_unavailable_classifier_gives_the_rules_nothing_and_says_why() {
        LeadClassification result = classify(new ClassifierAnswer.Unavailable(ClassifierAnswer.Kind.RATE_LIMITED,
                "rate limited (429)", Optional.of(Duration.ofSeconds(30))));

        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.ruleValues()).isEmpty();
        assertThat(result.evidence()).containsEntry("kind", "rate_limited").containsEntry("retryAfter", "PT30S")
                .doesNotContainKey("rawAnswer");
    }

    @Test
    void a_long_raw_answer_is_cut_in_the_evidence() {
        LeadClassification result = classify(new ClassifierAnswer.Discarded("not JSON", "x".repeat(5000)));

        assertThat(result.evidence().get("rawAnswer"))
                .startsWith("x".repeat(ClassifyLeadService.MAX_RAW_ANSWER)).endsWith("(5000 characters)")
                .hasSizeLessThan(ClassifyLeadService.MAX_RAW_ANSWER + 30);
    }

    @Test
    void the_classifier_is_asked_with_the_command_input() {
        ScriptedClassifier classifier = new ScriptedClassifier(new ClassifierAnswer.Discarded("x", ""));

        new ClassifyLeadService(classifier).classify(COMMAND);

        assertThat(classifier.asked()).containsExactly(COMMAND.input());
    }

    @Test
    void only_an_accepted_proposal_lets_an_ai_rule_fire() {
        Ruleset ruleset = RulesetBuilder.aRuleset().transition("sql-on-confident-priority",
                List.of(LifecycleStage.LEAD), LifecycleStage.SQL, "ai.routing_tier == priority",
                "ai.confidence >= 0.8").build();
        LeadClassification accepted = classify(new ClassifierAnswer.Proposal(
                aProposal().withTier(RoutingTier.PRIORITY).withConfidence(0.85).build(), "{}"));
        LeadClassification discarded = classify(new ClassifierAnswer.Discarded("extra field owner_id",
                "{\"routing_tier\":\"priority\",\"confidence\":0.99,\"owner_id\":\"x\"}"));

        assertThat(stageAfter(ruleset, accepted)).isEqualTo(LifecycleStage.SQL);
        assertThat(stageAfter(ruleset, discarded)).isEqualTo(LifecycleStage.LEAD);
    }

    private static LifecycleStage stageAfter(Ruleset ruleset, LeadClassification classification) {
        EvaluationContext context = classification.applyTo(EvaluationContext.empty(LifecycleStage.LEAD, NOW));
        Evaluation evaluation = RulesEngine.evaluate(ruleset, context, OwnerRoster.of(List.of()),
                RoundRobinState.start());
        return evaluation.stage();
    }
}
