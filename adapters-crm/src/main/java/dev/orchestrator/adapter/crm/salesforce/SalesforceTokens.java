package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmFailure.Kind;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Access tokens from the client-credentials flow. One token is shared by every call; when Salesforce refuses it
 * (401, the session expired or was revoked) the first caller to notice fetches a new one and the others reuse it.
 */
final class SalesforceTokens {
    private final SalesforceSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Secrets secrets;
    private String token;

    SalesforceTokens(SalesforceSettings settings, HttpClient http, ObjectMapper json, Secrets secrets) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.secrets = secrets;
    }

    synchronized String current() {
        if (token == null) {
            token = fetch();
        }
        return token;
    }

    /** A new token unless another caller already replaced the stale one. */
    synchronized String refresh(String stale) {
        if (token == null || token.equals(stale)) {
            token = fetch();
        }
        return token;
    }

    private String fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CrmFailure(Kind.RETRYABLE, "Salesforce token request failed (" + e.getClass().getSimpleName()
                    + ")", Optional.empty(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmFailure(Kind.RETRYABLE, "Salesforce token request interrupted", Optional.empty(), null);
        }
        JsonNode body = read(response.body());
        if (response.statusCode() == 200 && body.hasNonNull("access_token")) {
            String issued = body.get("access_token").asText();
            secrets.add(issued);
            return issued;
        }
        String reason = body.path("error").asText("") + (body.has("error_description")
                ? " (" + body.path("error_description").asText() + ")" : "");
        Kind kind = response.statusCode() >= 500 ? Kind.RETRYABLE : Kind.ALERT;
        throw new CrmFailure(kind, secrets.scrub("Salesforce refused the client-credentials token request with "
                + response.statusCode() + (reason.isBlank() ? "" : ": " + reason)
                + (kind == Kind.ALERT ? " — check the connected app's client id, secret and run-as user" : "")));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
