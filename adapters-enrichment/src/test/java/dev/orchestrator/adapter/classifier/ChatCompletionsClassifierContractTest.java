package dev.orchestrator.adapter.classifier;

import static dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply.json;

import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer;
import dev.orchestrator.adapter.enrichment.testing.MutableClock;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/** The factory's chat-completions classifier (budget and cache included) against a local API-like server. */
class ChatCompletionsClassifierContractTest extends LeadClassifierContract {
    private final FakeProviderServer server = FakeProviderServer.start()
            .on("/v1/chat/completions", json(200, ChatCompletionsClassifierTest.completion(ProposalSchemaTest.VALID)));
    private final LeadClassifier classifier = LeadClassifiers.openAiCompatible(
            AiSettings.of(server.baseUrl().toString(), "gpt-test", "sk-test", Duration.ofSeconds(5)),
            ClassifierBudget.DEFAULT, HttpClient.newHttpClient(),
            new MutableClock(Instant.parse("2026-11-20T10:00:00Z")));

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    LeadClassifier classifier() {
        return classifier;
    }
}
