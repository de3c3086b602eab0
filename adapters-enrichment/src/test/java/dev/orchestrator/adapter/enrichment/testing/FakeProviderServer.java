package dev.orchestrator.adapter.enrichment.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that answers like a provider: each path gets a script of replies (the last one repeats),
 * and every request is recorded so a test can count provider calls and read the headers that were sent.
 */
public final class FakeProviderServer implements AutoCloseable {
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        public static Reply empty(int status) {
            return new Reply(status, Map.of(), "", Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new ConcurrentHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    public record Seen(String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private FakeProviderServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeProviderServer start() {
        return new FakeProviderServer();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies for requests to {@code path}, in order; the last one answers every later request. */
    public FakeProviderServer on(String path, Reply... replies) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(replies)));
        return this;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    public int calls() {
        return seen.size();
    }

    public static String resource(String name) {
        try (InputStream in = FakeProviderServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            seen.add(new Seen(uri.getPath(), uri.getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    requestBody));
            Deque<Reply> script = scripts.get(uri.getPath());
            Reply reply = script == null ? Reply.json(404, "{\"error\":{\"type\":\"not_found\"}}")
                    : script.size() > 1 ? script.pollFirst() : script.peekFirst();
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
