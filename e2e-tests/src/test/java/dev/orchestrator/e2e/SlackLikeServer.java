package dev.orchestrator.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for a Slack incoming webhook: answers {@code failStatus} with {@code failBody} to the first
 * {@code failures} posts (or to every post until {@link #fix()}), then 200 "ok", and keeps every message it
 * accepted, so a test counts exactly what a channel would show.
 */
final class SlackLikeServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile int failures;
    private volatile int failStatus;
    private volatile String failBody;

    SlackLikeServer(int failures, int failStatus, String failBody) {
        this.failures = failures;
        this.failStatus = failStatus;
        this.failBody = failBody;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/services/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = posts.incrementAndGet();
            boolean fail = n <= this.failures;
            int status = fail ? this.failStatus : 200;
            byte[] answer = (fail ? this.failBody : "ok").getBytes(StandardCharsets.UTF_8);
            if (!fail) {
                accepted.add(body);
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** Fails every post until {@link #fix()}. */
    static SlackLikeServer failingUntilFixed(int status, String body) {
        return new SlackLikeServer(Integer.MAX_VALUE, status, body);
    }

    /** From now on every post is accepted. */
    void fix() {
        failures = 0;
    }

    /** Starts over: no posts counted, nothing accepted, the next {@code n} posts fail this way. */
    void reset(int n, int status, String body) {
        posts.set(0);
        accepted.clear();
        failStatus = status;
        failBody = body;
        failures = n;
    }

    /** From now on every post fails this way (until {@link #fix()}). */
    void breakWith(int status, String body) {
        failStatus = status;
        failBody = body;
        failures = Integer.MAX_VALUE;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/services/T000/B000/e2e";
    }

    int posts() {
        return posts.get();
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
