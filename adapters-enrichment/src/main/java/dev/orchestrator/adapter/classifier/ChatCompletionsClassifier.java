package dev.orchestrator.adapter.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.enrichment.support.HttpAnswers;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer.Kind;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * Any OpenAI-compatible chat-completions endpoint ({@code POST /v1/chat/completions}), asked for structured output
 * under our JSON Schema. The model's content is then checked against that schema here, whatever the server
 * promised: only a valid answer becomes a proposal. A 429 or 5xx, a timeout or a network error is
 * {@link ClassifierAnswer.Unavailable} (retryable); refused credentials are not retryable and need a person.
 */
final class ChatCompletionsClassifier implements LeadClassifier {
    static final String NAME = "openai-compatible";
    /** Changes whenever the system prompt or the schema changes, so the trace tells old and new answers apart. */
    static final String PROMPT_VERSION = "lead-classifier-prompt-1";
    static final String SYSTEM_PROMPT = """
            You classify inbound B2B leads for a revenue operations team. Read the lead's message and company \
            facts and answer with one JSON object that matches the given schema exactly: no other keys, only the \
            listed enum values, lead_score an integer 0-100, confidence a number 0-1, technical_summary at most \
            500 characters in plain English. detected_stack lists only technologies the lead names. Set \
            manual_review_required to true when the message is ambiguous or contradicts itself. Never invent \
            facts that are not in the input.""";

    private final AiSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final ProposalSchema schema;
    private final Clock clock;

    ChatCompletionsClassifier(AiSettings settings, HttpClient http, ObjectMapper json, ProposalSchema schema,
            Clock clock) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.schema = schema;
        this.clock = clock;
    }

    @Override
    public ClassifierInfo info() {
        return new ClassifierInfo(NAME, settings.model(), PROMPT_VERSION);
    }

    @Override
    public ClassifierAnswer classify(ClassificationInput input) {
        HttpRequest request = HttpRequest.newBuilder(settings.completionsUri())
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(input)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new ClassifierAnswer.Unavailable(Kind.TIMEOUT, "no answer within " + settings.requestTimeout());
        } catch (IOException e) {
            return new ClassifierAnswer.Unavailable(Kind.NETWORK, "network error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClassifierAnswer.Unavailable(Kind.TIMEOUT, "interrupted while waiting");
        }
        int status = response.statusCode();
        if (status == 200) {
            return answered(response.body());
        }
        if (status == 429) {
            return new ClassifierAnswer.Unavailable(Kind.RATE_LIMITED, "rate limited (429)",
                    HttpAnswers.retryAfter(response.headers(), clock));
        }
        if (status >= 500) {
            return new ClassifierAnswer.Unavailable(Kind.PROVIDER_ERROR, "provider error (" + status + ")",
                    HttpAnswers.retryAfter(response.headers(), clock));
        }
        if (status == 401 || status == 403) {
            return new ClassifierAnswer.Unavailable(Kind.REJECTED, "the API key was refused (" + status + ")");
        }
        return new ClassifierAnswer.Unavailable(Kind.REJECTED, "request rejected (" + status + ")");
    }

    /** The envelope is the provider's; only {@code choices[0].message.content} is the model's answer. */
    private ClassifierAnswer answered(String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new ClassifierAnswer.Unavailable(Kind.PROVIDER_ERROR, "unreadable completion envelope");
        }
        JsonNode message = envelope == null ? null : envelope.path("choices").path(0).path("message");
        if (message == null || !message.isObject()) {
            return new ClassifierAnswer.Unavailable(Kind.PROVIDER_ERROR, "completion without a message");
        }
        if (message.path("refusal").isTextual() && !message.path("refusal").textValue().isBlank()) {
            return new ClassifierAnswer.Discarded("the model refused: " + message.path("refusal").textValue(),
                    body);
        }
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            return new ClassifierAnswer.Discarded("the message has no text content", body);
        }
        return schema.read(content.textValue());
    }

    String requestBody(ClassificationInput input) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", userContent(input));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schemaSpec = format.putObject("json_schema");
        schemaSpec.put("name", "lead_classification");
        schemaSpec.put("strict", true);
        schemaSpec.set("schema", schema.forStructuredOutput());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree we built always serializes", e);
        }
    }

    private String userContent(ClassificationInput input) {
        ObjectNode lead = json.createObjectNode();
        lead.put("message", input.message());
        input.companyName().ifPresent(v -> lead.put("company_name", v));
        input.companyDomain().ifPresent(v -> lead.put("company_domain", v));
        ObjectNode fields = lead.putObject("fields");
        input.fields().forEach(fields::put);
        try {
            return json.writeValueAsString(lead);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree we built always serializes", e);
        }
    }
}
