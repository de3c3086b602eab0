package dev.orchestrator.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a stored event may show on a page: signatures, credentials and secrets are replaced by
 * {@value #REDACTED}, in the headers and anywhere in the JSON payload; the payload is pretty-printed.
 */
public final class Redaction {
    public static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("webhook-signature", "x-hubspot-signature-v3",
            "x-hubspot-signature", "stripe-signature", "x-hub-signature-256", "x-hub-signature", "authorization",
            "proxy-authorization", "cookie", "set-cookie");
    private static final List<String> SECRET_WORDS = List.of("signature", "secret", "token", "password", "passwd",
            "authorization", "apikey", "api-key", "api_key", "cookie", "credential", "private");
    private static final int MAX_SHOWN_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Redaction() {
    }

    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(lower) || SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    public static List<Map.Entry<String, String>> headers(Map<String, String> headers) {
        List<Map.Entry<String, String>> shown = new ArrayList<>();
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .forEach(h -> shown.add(Map.entry(h.getKey(), isSecretName(h.getKey()) ? REDACTED : h.getValue())));
        return shown;
    }

    /** The payload pretty-printed with secret-looking fields redacted; a body that is not JSON is shown as text. */
    public static String payload(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return asText(body);
            }
            redact(tree);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (java.io.IOException e) {
            return asText(body);
        }
    }

    private static void redact(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<String> names = object.fieldNames();
            List<String> secret = new ArrayList<>();
            while (names.hasNext()) {
                String name = names.next();
                if (isSecretName(name)) {
                    secret.add(name);
                } else {
                    redact(object.get(name));
                }
            }
            secret.forEach(name -> object.set(name, TextNode.valueOf(REDACTED)));
        } else if (node.isArray()) {
            node.forEach(Redaction::redact);
        }
    }

    private static String asText(byte[] body) {
        int shown = Math.min(body.length, MAX_SHOWN_BYTES);
        String text = new String(body, 0, shown, StandardCharsets.UTF_8);
        return shown < body.length ? text + "\n… (" + (body.length - shown) + " more bytes not shown)" : text;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
