package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends one Salesforce REST call with the current access token; a 401 gets one fresh token and one resend. Every
 * write says {@code Sforce-Auto-Assign: false}, so the org's assignment rules never overrule our routing. The last
 * {@code Sforce-Limit-Info} (daily API usage) is kept for the health check.
 */
final class SalesforceHttp {
    static final String LIMIT_INFO = "Sforce-Limit-Info";

    record Reply(int status, HttpHeaders headers, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final SalesforceSettings settings;
    private final HttpClient http;
    private final SalesforceTokens tokens;
    private final ObjectMapper json;
    private final Secrets secrets;
    private final AtomicReference<String> lastLimitInfo = new AtomicReference<>("");

    SalesforceHttp(SalesforceSettings settings, HttpClient http, SalesforceTokens tokens, ObjectMapper json,
            Secrets secrets) {
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.secrets = secrets;
    }

    /** {@code path} is relative to {@code /services/data/vXX.X} (or absolute, starting with {@code /services/}). */
    Reply send(String operation, String method, String path, Optional<Object> body) {
        String token = tokens.current();
        Reply reply = exchange(operation, method, path, body, token);
        if (reply.status() == 401) {
            reply = exchange(operation, method, path, body, tokens.refresh(token));
        }
        reply.headers().firstValue(LIMIT_INFO).ifPresent(lastLimitInfo::set);
        return reply;
    }

    String lastLimitInfo() {
        return lastLimitInfo.get();
    }

    /**
     * One call of the SOAP partner API ({@code /services/Soap/u/NN.N}), for what REST cannot do (merging records).
     * The session id travels inside the envelope, so the envelope is made for a token; an expired session is a
     * fault, {@code INVALID_SESSION_ID}, answered with one fresh token and one resend as on REST.
     */
    Reply soap(String operation, Function<String, String> envelopeFor) {
        String token = tokens.current();
        Reply reply = exchangeSoap(operation, envelopeFor.apply(token));
        if (reply.status() == 500 && reply.body() != null && reply.body().contains("INVALID_SESSION_ID")) {
            reply = exchangeSoap(operation, envelopeFor.apply(tokens.refresh(token)));
        }
        return reply;
    }

    private Reply exchangeSoap(String operation, String envelope) {
        String path = "/services/Soap/u/" + settings.apiVersion().substring(1);
        return exchange(operation, HttpRequest.newBuilder(URI.create(settings.instanceUrl() + path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
    }

    private Reply exchange(String operation, String method, String path, Optional<Object> body, String token) {
        String fullPath = path.startsWith("/services/") ? path : "/services/data/" + settings.apiVersion() + path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.instanceUrl() + fullPath))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (!"GET".equals(method)) {
            builder.header("Sforce-Auto-Assign", "false");
        }
        if (body.isPresent()) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body.get())));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(operation, builder.build());
    }

    private Reply exchange(String operation, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "Salesforce " + operation + ": no answer within "
                    + settings.requestTimeout().toMillis() + " ms", Optional.empty(), null);
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "Salesforce " + operation + ": connection failed ("
                    + e.getClass().getSimpleName() + ": " + secrets.scrub(String.valueOf(e.getMessage())) + ")",
                    Optional.empty(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "Salesforce " + operation + ": interrupted",
                    Optional.empty(), null);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Salesforce request body " + body.getClass().getSimpleName(),
                    e);
        }
    }
}
