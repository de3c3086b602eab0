package dev.orchestrator.adapter.crm.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local HTTP server answering canned JSON by path and query (the first registered prefix of
 * {@code path?query} that matches), recording every request line and body; 404 for anything else.
 */
public final class CannedServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();

    public CannedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body;
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                requests.add(exchange.getRequestMethod() + " " + target + (sent.isEmpty() ? "" : " " + sent));
                body = answers.entrySet().stream().filter(e -> target.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
            byte[] bytes = (body == null ? "{\"message\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers requests whose {@code path?query} starts with {@code prefix}; earlier registrations win. */
    public synchronized CannedServer answer(String prefix, String json) {
        answers.put(prefix, json);
        return this;
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
