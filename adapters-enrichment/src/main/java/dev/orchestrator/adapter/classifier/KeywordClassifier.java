package dev.orchestrator.adapter.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.classifier.KeywordRules.Flag;
import dev.orchestrator.adapter.classifier.KeywordRules.Rule;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.classification.FailureCategory;
import dev.orchestrator.domain.classification.QualificationStatus;
import dev.orchestrator.domain.classification.RoutingTier;
import dev.orchestrator.domain.classification.StackItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The offline default: keyword and pattern rules shipped with the project, so a fresh checkout classifies leads
 * with no network and the same input always gets the same answer. Its answer is built as a JSON tree and checked
 * by the same {@link ProposalSchema} as a model's, so the offline path cannot bypass the contract either (the tree
 * is checked as it is, not parsed back from its own text).
 */
final class KeywordClassifier implements LeadClassifier {
    static final String NAME = "offline";
    static final String MODEL = "keyword-rules";
    private static final int BASE_SCORE = 30;
    /** The free-text fields read beside the message; the others (industry, employees) only feed field rules. */
    private static final List<String> TEXT_FIELDS = List.of("budgetRange", "urgency");

    private final KeywordRules rules;
    private final ProposalSchema schema;
    private final ObjectMapper json;

    KeywordClassifier(KeywordRules rules, ProposalSchema schema, ObjectMapper json) {
        this.rules = rules;
        this.schema = schema;
        this.json = json;
    }

    @Override
    public ClassifierInfo info() {
        return new ClassifierInfo(NAME, MODEL, rules.version());
    }

    @Override
    public ClassifierAnswer classify(ClassificationInput input) {
        StringJoiner raw = new StringJoiner("\n");
        raw.add(input.message());
        for (String field : TEXT_FIELDS) {
            String value = input.fields().get(field);
            if (value != null) {
                raw.add(value);
            }
        }
        KeywordRules.Text text = KeywordRules.Text.of(raw.toString(), input.fields());
        List<Rule> matched = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule.match().test(text)) {
                matched.add(rule);
            }
        }
        ObjectNode answer = answer(matched);
        try {
            return schema.read(answer, json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree we built always serializes", e);
        }
    }

    private ObjectNode answer(List<Rule> matched) {
        int score = BASE_SCORE;
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<StackItem> stack = new LinkedHashSet<>();
        FailureCategory failure = FailureCategory.NONE;
        for (Rule rule : matched) {
            score += rule.score();
            flags.addAll(rule.flags());
            rule.stack().ifPresent(stack::add);
            if (failure == FailureCategory.NONE && rule.failure().isPresent()) {
                failure = rule.failure().get();
            }
        }
        score = Math.max(0, Math.min(100, score));
        boolean disqualified = flags.contains(Flag.DISQUALIFY);
        boolean conflicting = flags.contains(Flag.URGENT) && flags.contains(Flag.HESITANT);
        boolean hesitant = flags.contains(Flag.HESITANT) && !flags.contains(Flag.URGENT);
        // Firmographics move the score, but only the person's own words say what they want.
        long textMatches = matched.stream().filter(rule -> !(rule.match() instanceof KeywordRules.FieldAtLeast))
                .count();

        QualificationStatus status;
        RoutingTier tier;
        if (disqualified) {
            status = QualificationStatus.UNQUALIFIED;
            tier = RoutingTier.SELF_SERVE;
        } else if (textMatches == 0) {
            status = QualificationStatus.NEEDS_INFO;
            tier = RoutingTier.STANDARD;
        } else if (hesitant) {
            status = QualificationStatus.NURTURE;
            tier = RoutingTier.NURTURE;
        } else {
            status = score >= 60 ? QualificationStatus.QUALIFIED
                    : score >= 40 ? QualificationStatus.NEEDS_INFO : QualificationStatus.NURTURE;
            tier = score >= 75 ? RoutingTier.PRIORITY : score >= 45 ? RoutingTier.STANDARD : RoutingTier.NURTURE;
        }
        double confidence = textMatches == 0 ? 0.3 : Math.min(0.95, 0.55 + 0.1 * textMatches);
        if (conflicting) {
            confidence = Math.max(0.1, confidence - 0.3);
        }
        confidence = Math.round(confidence * 100) / 100.0;

        ObjectNode answer = json.createObjectNode();
        answer.put("qualification_status", status.key());
        answer.put("lead_score", score);
        answer.put("routing_tier", tier.key());
        answer.put("technical_summary", summary(matched, stack, failure));
        ArrayNode items = answer.putArray("detected_stack");
        stack.forEach(item -> items.add(item.key()));
        answer.put("failure_category", failure.key());
        answer.put("confidence", confidence);
        answer.put("manual_review_required", conflicting);
        return answer;
    }

    /** Which rules read what, in words, cut to the proposal's limit. */
    private static String summary(List<Rule> matched, Set<StackItem> stack, FailureCategory failure) {
        if (matched.isEmpty()) {
            return "No known signal in the text.";
        }
        StringJoiner signals = new StringJoiner(", ");
        matched.forEach(rule -> signals.add(rule.id().replace('-', ' ')));
        StringBuilder summary = new StringBuilder("Signals: ").append(signals).append('.');
        if (!stack.isEmpty()) {
            StringJoiner items = new StringJoiner(", ");
            stack.forEach(item -> items.add(item.key()));
            summary.append(" Stack: ").append(items).append('.');
        }
        if (failure != FailureCategory.NONE) {
            summary.append(" Concern: ").append(failure.key().replace('_', ' ')).append('.');
        }
        return summary.length() <= ClassificationProposal.MAX_SUMMARY ? summary.toString()
                : summary.substring(0, ClassificationProposal.MAX_SUMMARY - 1) + "…";
    }
}
