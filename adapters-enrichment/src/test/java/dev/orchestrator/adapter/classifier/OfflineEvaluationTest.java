package dev.orchestrator.adapter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.domain.classification.ClassificationProposal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline classifier against hand-labelled form messages ({@code classifier/labelled-leads.txt}). The floors
 * are set below today's figures so a rule edit that makes the classifier clearly worse fails; the figures and every
 * miss are written to {@code target/offline-classifier-evaluation.txt}.
 */
class OfflineEvaluationTest {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineEvaluationTest.class);

    record Example(String qualification, String tier, String failure, String message) {
    }

    record Scored(Example example, ClassificationProposal proposal) {
        boolean qualificationRight() {
            return proposal.qualificationStatus().key().equals(example.qualification());
        }

        boolean tierRight() {
            return proposal.routingTier().key().equals(example.tier());
        }

        boolean failureRight() {
            return proposal.failureCategory().key().equals(example.failure());
        }
    }

    private static List<Scored> scored;

    @BeforeAll
    static void classifyAll() throws IOException {
        LeadClassifier offline = LeadClassifiers.offline();
        scored = new ArrayList<>();
        for (Example example : examples()) {
            ClassifierAnswer answer = offline.classify(new ClassificationInput(example.message(), Optional.empty(),
                    Optional.empty(), Map.of()));
            scored.add(new Scored(example, ((ClassifierAnswer.Proposal) answer).proposal()));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "examples %d, qualification_status %.3f, routing_tier %.3f, "
                + "failure_category %.3f, all three %.3f%n", scored.size(), accuracy(Scored::qualificationRight),
                accuracy(Scored::tierRight), accuracy(Scored::failureRight),
                accuracy(s -> s.qualificationRight() && s.tierRight() && s.failureRight())));
        for (Scored s : scored) {
            if (!s.qualificationRight() || !s.tierRight() || !s.failureRight()) {
                report.append(String.format(Locale.ROOT, "MISS expected %s/%s/%s got %s/%s/%s: %s%n",
                        s.example().qualification(), s.example().tier(), s.example().failure(),
                        s.proposal().qualificationStatus().key(), s.proposal().routingTier().key(),
                        s.proposal().failureCategory().key(), s.example().message()));
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "offline-classifier-evaluation.txt"), report.toString());
        LOG.info("offline classifier evaluation:\n{}", report);
    }

    private static double accuracy(java.util.function.Predicate<Scored> right) {
        return scored.stream().filter(right).count() / (double) scored.size();
    }

    @Test
    void the_fixture_holds_at_least_30_labelled_examples() {
        assertThat(scored).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void qualification_status_is_right_for_most_examples() {
        assertThat(accuracy(Scored::qualificationRight)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void routing_tier_is_right_for_most_examples() {
        assertThat(accuracy(Scored::tierRight)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void failure_category_is_right_for_most_examples() {
        assertThat(accuracy(Scored::failureRight)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void no_buyer_is_ever_classified_unqualified() {
        assertThat(scored).filteredOn(s -> s.example().qualification().equals("qualified"))
                .allSatisfy(s -> assertThat(s.proposal().qualificationStatus().key()).isNotEqualTo("unqualified"));
    }

    static List<Example> examples() {
        String text;
        try (InputStream in = OfflineEvaluationTest.class.getResourceAsStream("/classifier/labelled-leads.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" \\| ", 4);
            examples.add(new Example(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()));
        }
        return examples;
    }
}
