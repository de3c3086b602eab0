package dev.orchestrator.adapter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.domain.classification.ClassificationField;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link LeadClassifier} promises, run against the offline rules and the chat-completions adapter. */
abstract class LeadClassifierContract {
    static final ClassificationInput LEAD = new ClassificationInput(
            "Our auditors need SOC 2 evidence for the Snowflake pipelines; budget approved, we run on AWS.",
            Optional.of("Acme"), Optional.of("acme.com"), Map.of("country", "US", "employees", "450"));

    /** A classifier that is reachable and answering normally. */
    abstract LeadClassifier classifier();

    @Test
    void names_itself_its_model_and_its_prompt_version() {
        assertThat(classifier().info().name()).isNotBlank();
        assertThat(classifier().info().model()).isNotBlank();
        assertThat(classifier().info().promptVersion()).isNotBlank();
    }

    @Test
    void answers_a_lead_with_a_proposal_of_exactly_the_eight_fields() {
        ClassifierAnswer answer = classifier().classify(LEAD);

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Proposal.class,
                p -> assertThat(p.proposal().asText()).containsOnlyKeys(ClassificationField.keys()));
    }

    @Test
    void the_raw_answer_reads_back_through_the_schema_as_the_same_proposal() {
        ClassifierAnswer.Proposal answer = (ClassifierAnswer.Proposal) classifier().classify(LEAD);

        ClassifierAnswer again = new ProposalSchema(new ObjectMapper()).read(answer.rawAnswer());

        assertThat(again).isInstanceOfSatisfying(ClassifierAnswer.Proposal.class,
                p -> assertThat(p.proposal()).isEqualTo(answer.proposal()));
    }

    @Test
    void a_lead_without_any_text_still_gets_an_answer_not_an_exception() {
        ClassifierAnswer answer = classifier().classify(new ClassificationInput("", Optional.empty(),
                Optional.empty(), Map.of()));

        assertThat(answer).isNotNull();
    }
}
