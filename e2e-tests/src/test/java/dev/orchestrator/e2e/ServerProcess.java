package dev.orchestrator.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The built fat jar run as its own process, exactly as a user runs it. */
final class ServerProcess implements AutoCloseable {
    static final String DEV_SECRET = "whsec_ZGV2LW9ubHktZm9ybS1zZWNyZXQtY2hhbmdlLW1l";
    static final String DEV_TOKEN = "dev-admin-token";

    private final Process process;
    private final int port;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, Map<String, String> env) {
        Path jar = Path.of(System.getProperty("orchestrator.jar", "../web-admin/target/crm-orchestrator.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the server jar is missing: " + jar.toAbsolutePath()
                    + " (run the build through the reactor: mvn -B verify)");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data-dir",
                dataDir.toString());
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        try {
            ServerProcess server = new ServerProcess(builder.start(), port);
            server.pumpOutput();
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pumpOutput() {
        CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("server not ready after " + timeout + ":\n" + String.join("\n", output));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook runs, so the embedded PostgreSQL is left behind as an orphan. */
    void kill9() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a postgres left running on {@code dataDir}, so a failed test leaves no process behind. */
    static void stopLeftoverPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(handle -> {
                    handle.destroy();
                    try {
                        handle.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        handle.destroyForcibly();
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // best effort cleanup
        }
    }
}
