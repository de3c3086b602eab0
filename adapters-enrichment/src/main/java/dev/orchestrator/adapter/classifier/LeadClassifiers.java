package dev.orchestrator.adapter.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.net.http.HttpClient;
import java.time.Clock;

/** The lead-classifier adapters' one public entry. */
public final class LeadClassifiers {
    private LeadClassifiers() {
    }

    /** The offline default: the shipped keyword and pattern rules, no network. */
    public static LeadClassifier offline() {
        ObjectMapper json = new ObjectMapper();
        return new KeywordClassifier(KeywordRules.shipped(), new ProposalSchema(json), json);
    }

    /** Any OpenAI-compatible chat-completions endpoint, with a daily budget and a cache by input hash. */
    public static LeadClassifier openAiCompatible(AiSettings settings, ClassifierBudget budget, HttpClient http,
            Clock clock) {
        ObjectMapper json = new ObjectMapper();
        return new GuardedClassifier(new ChatCompletionsClassifier(settings, http, json, new ProposalSchema(json),
                clock), budget, clock);
    }
}
