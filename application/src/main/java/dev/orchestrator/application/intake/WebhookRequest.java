package dev.orchestrator.application.intake;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A webhook exactly as it arrived: method, the URI the sender called, headers and the raw body bytes. */
public final class WebhookRequest {
    private final String method;
    private final String uri;
    private final Map<String, String> headers;
    private final byte[] body;

    public WebhookRequest(String method, String uri, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), value));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    public String method() {
        return method;
    }

    public String uri() {
        return uri;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }
}
