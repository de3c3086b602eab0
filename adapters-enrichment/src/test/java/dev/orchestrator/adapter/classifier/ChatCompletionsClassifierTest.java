package dev.orchestrator.adapter.classifier;

import static dev.orchestrator.adapter.classifier.ProposalSchemaTest.VALID;
import static dev.orchestrator.adapter.classifier.ProposalSchemaTest.validWith;
import static dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply;
import dev.orchestrator.adapter.enrichment.testing.MutableClock;
import dev.orchestrator.application.port.in.ClassifyLeadCommand;
import dev.orchestrator.application.port.in.LeadClassification;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer.Kind;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.application.service.ClassifyLeadService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a local server that answers like a chat-completions API. */
class ChatCompletionsClassifierTest {
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClassificationInput INPUT = new ClassificationInput(
            "Our auditors need SOC 2 evidence for our Snowflake pipelines, budget approved", Optional.of("Acme"),
            Optional.of("acme.com"), Map.of("country", "US"));

    private final FakeProviderServer server = FakeProviderServer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private LeadClassifier classifier(Duration timeout) {
        ObjectMapper json = new ObjectMapper();
        return new ChatCompletionsClassifier(AiSettings.of(server.baseUrl().toString(), "gpt-test", "sk-test-key",
                timeout), http, json, new ProposalSchema(json), clock);
    }

    private ClassifierAnswer answer(Reply reply) {
        server.on(PATH, reply);
        return classifier(Duration.ofSeconds(5)).classify(INPUT);
    }

    /** A chat-completions response whose message content is {@code content}. */
    static String completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-test");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return body.toString();
    }

    @Test
    void a_valid_answer_is_a_proposal() {
        ClassifierAnswer answer = answer(json(200, completion(VALID)));

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Proposal.class,
                p -> assertThat(p.rawAnswer()).isEqualTo(VALID));
    }

    @Test
    void the_request_posts_to_the_completions_path_with_the_key_as_bearer_token() {
        answer(json(200, completion(VALID)));

        FakeProviderServer.Seen seen = server.requests().get(0);
        assertThat(seen.path()).isEqualTo(PATH);
        assertThat(seen.header("Authorization")).isEqualTo("Bearer sk-test-key");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void the_request_asks_for_structured_output_under_our_schema() {
        answer(json(200, completion(VALID)));

        JsonNode body = read(server.requests().get(0).body());
        assertThat(body.get("model").textValue()).isEqualTo("gpt-test");
        assertThat(body.at("/response_format/type").textValue()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").booleanValue()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema/additionalProperties").booleanValue()).isFalse();
        assertThat(body.at("/response_format/json_schema/schema/properties/routing_tier/enum")).hasSize(4);
    }

    @Test
    void the_request_carries_the_message_and_company_but_no_contact_identifiers() {
        answer(json(200, completion(VALID)));

        JsonNode body = read(server.requests().get(0).body());
        assertThat(body.at("/messages/0/role").textValue()).isEqualTo("system");
        JsonNode lead = read(body.at("/messages/1/content").textValue());
        assertThat(lead.get("message").textValue()).startsWith("Our auditors need SOC 2");
        assertThat(lead.get("company_domain").textValue()).isEqualTo("acme.com");
        assertThat(lead.at("/fields/country").textValue()).isEqualTo("US");
    }

    @Test
    void malformed_json_content_is_discarded_with_the_raw_answer() {
        ClassifierAnswer answer = answer(json(200, completion("{\"qualification_status\": \"qualified\",")));

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Discarded.class, d -> {
            assertThat(d.reason()).startsWith("not JSON");
            assertThat(d.rawAnswer()).isEqualTo("{\"qualification_status\": \"qualified\",");
        });
    }

    @Test
    void a_wrong_enum_is_discarded() {
        assertThat(answer(json(200, completion(validWith("qualification_status", "\"hot\"")))))
                .isInstanceOfSatisfying(ClassifierAnswer.Discarded.class,
                        d -> assertThat(d.reason()).contains("qualification_status"));
    }

    @Test
    void an_out_of_range_score_is_discarded() {
        assertThat(answer(json(200, completion(validWith("lead_score", "101")))))
                .isInstanceOfSatisfying(ClassifierAnswer.Discarded.class,
                        d -> assertThat(d.reason()).contains("lead_score"));
    }

    @Test
    void an_extra_field_is_discarded() {
        assertThat(answer(json(200, completion(validWith("owner_id", "\"owner-07\"")))))
                .isInstanceOfSatisfying(ClassifierAnswer.Discarded.class,
                        d -> assertThat(d.reason()).contains("owner_id"));
    }

    @Test
    void a_refusal_is_discarded_with_the_model_s_words() {
        ObjectNode body = (ObjectNode) read(completion(VALID));
        ObjectNode message = (ObjectNode) body.at("/choices/0/message");
        message.putNull("content");
        message.put("refusal", "I can't help with that.");

        assertThat(answer(json(200, body.toString()))).isInstanceOfSatisfying(ClassifierAnswer.Discarded.class,
                d -> assertThat(d.reason()).isEqualTo("the model refused: I can't help with that."));
    }

    @Test
    void a_429_is_a_retryable_rate_limit_honouring_retry_after() {
        ClassifierAnswer answer = answer(json(429, "{\"error\":{\"type\":\"rate_limit_exceeded\"}}")
                .withHeader("Retry-After", "20"));

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class, u -> {
            assertThat(u.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(u.kind().retryable()).isTrue();
            assertThat(u.retryAfter()).contains(Duration.ofSeconds(20));
        });
    }

    @Test
    void a_5xx_is_a_retryable_provider_error() {
        assertThat(answer(json(503, "{\"error\":\"overloaded\"}")))
                .isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class, u -> {
                    assertThat(u.kind()).isEqualTo(Kind.PROVIDER_ERROR);
                    assertThat(u.reason()).isEqualTo("provider error (503)");
                });
    }

    @Test
    void a_refused_key_is_not_retryable() {
        assertThat(answer(json(401, "{\"error\":{\"code\":\"invalid_api_key\"}}")))
                .isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class, u -> {
                    assertThat(u.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(u.kind().retryable()).isFalse();
                });
    }

    @Test
    void no_answer_within_the_deadline_is_a_timeout() {
        server.on(PATH, json(200, completion(VALID)).after(Duration.ofSeconds(3)));

        ClassifierAnswer answer = classifier(Duration.ofMillis(200)).classify(INPUT);

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class,
                u -> assertThat(u.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void an_unreadable_envelope_is_a_provider_error_not_a_model_answer() {
        assertThat(answer(json(200, "<html>bad gateway</html>")))
                .isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class,
                        u -> assertThat(u.kind()).isEqualTo(Kind.PROVIDER_ERROR));
    }

    @Test
    void only_the_valid_answer_reaches_the_rules() {
        Map<String, Reply> replies = new LinkedHashMap<>();
        replies.put("valid", json(200, completion(VALID)));
        replies.put("malformed", json(200, completion("not json at all")));
        replies.put("wrong enum", json(200, completion(validWith("routing_tier", "\"vip\""))));
        replies.put("out of range", json(200, completion(validWith("confidence", "1.5"))));
        replies.put("extra field", json(200, completion(validWith("stage", "\"customer\""))));
        replies.put("429", json(429, "{}"));
        Map<String, Boolean> reachedRules = new LinkedHashMap<>();
        replies.forEach((name, reply) -> {
            server.on(PATH, reply);
            LeadClassification result = new ClassifyLeadService(classifier(Duration.ofSeconds(5)))
                    .classify(new ClassifyLeadCommand(INPUT));
            reachedRules.put(name, !result.ruleValues().isEmpty());
        });

        assertThat(reachedRules).containsExactly(Map.entry("valid", true), Map.entry("malformed", false),
                Map.entry("wrong enum", false), Map.entry("out of range", false), Map.entry("extra field", false),
                Map.entry("429", false));
    }

    @Test
    void the_settings_never_show_the_key() {
        assertThat(AiSettings.of("http://localhost:1", "m", "sk-secret", null).toString())
                .doesNotContain("sk-secret").contains("apiKey=***");
    }

    @Test
    void a_base_url_ending_in_v1_reaches_the_same_endpoint() {
        assertThat(AiSettings.of("https://llm.example.com/v1/", "m", "k", null).completionsUri())
                .hasToString("https://llm.example.com/v1/chat/completions");
        assertThat(AiSettings.of("https://llm.example.com", "m", "k", null).completionsUri())
                .hasToString("https://llm.example.com/v1/chat/completions");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
