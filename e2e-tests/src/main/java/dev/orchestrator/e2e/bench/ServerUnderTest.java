package dev.orchestrator.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server the benchmark starts as its own process (the product jar or the bare receiver), on fresh data. */
final class ServerUnderTest implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dataDir;

    private ServerUnderTest(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static ServerUnderTest product(Path jar, String heap, Map<String, String> env) throws IOException {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("bench-product");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        // BENCH_JVM_OPTS adds options to the server's JVM, e.g. -XX:StartFlightRecording=filename=server.jfr
        String extra = System.getenv().getOrDefault("BENCH_JVM_OPTS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data-dir",
                dataDir.toString()));
        return start(command, env, port, dataDir);
    }

    static ServerUnderTest bareReceiver(Path jar, String heap) throws IOException {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("bench-bare");
        String classpath = System.getProperty("java.class.path");
        List<String> command = List.of(java(), "-Xmx" + heap, "-cp", classpath, BareReceiver.class.getName(),
                Integer.toString(port), dataDir.resolve("pg").toString());
        return start(command, Map.of(), port, dataDir);
    }

    private static ServerUnderTest start(List<String> command, Map<String, String> env, int port, Path dataDir)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        ServerUnderTest server = new ServerUnderTest(builder.start(), port, dataDir);
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited; see " + dataDir.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("server did not become healthy; see " + dataDir.resolve("server.log"));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** The server's CPU so far, by part, for {@link ServerCpu#describe}. */
    ServerCpu cpu() {
        return ServerCpu.read(pid(), dataDir);
    }

    /** What its PostgreSQL has done so far, for {@link DatabaseWork#describe}; empty with {@code DATABASE_URL}. */
    Optional<DatabaseWork> databaseWork() {
        return DatabaseWork.read(dataDir.resolve("pg"));
    }

    /** A figure from {@code /metrics}: {@code orchestrator_events_total} and friends. */
    double metric(String name) throws IOException, InterruptedException {
        return figure(metrics(), name);
    }

    /** One figure of a {@link #metrics()} answer; an answer without it is an error, not a zero. */
    static double figure(Map<String, Double> metrics, String name) {
        Double figure = metrics.get(name);
        if (figure == null) {
            throw new IllegalStateException("no metric " + name);
        }
        return figure;
    }

    /** Every figure of one {@code /metrics} answer, by its name with labels. */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> figures = new HashMap<>();
        for (String line : body.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                try {
                    figures.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1).strip()));
                } catch (NumberFormatException e) {
                    // not a sample line
                }
            }
        }
        return figures;
    }

    /**
     * What PostgreSQL logged between two instants that explains a pause: checkpoints and autovacuum runs over a
     * second (the embedded server writes them to {@code pg/log}; lines start with a UTC timestamp, {@code %m}).
     */
    List<String> postgresPauses(Instant from, Instant to) throws IOException {
        Path logs = dataDir.resolve("pg").resolve("log");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Optional<Instant> at = logTime(line);
                    if (at.isPresent() && !at.get().isBefore(from) && !at.get().isAfter(to)
                            && (line.contains("checkpoint") || line.contains("automatic vacuum")
                                    || line.contains("automatic analyze"))) {
                        found.add(line.length() > 240 ? line.substring(0, 240) + "…" : line);
                    }
                }
            }
        }
        return found;
    }

    private static Optional<Instant> logTime(String line) {
        if (line.length() < 27 || !line.startsWith("UTC", 24)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the server and deletes its data directory (a run leaves gigabytes: 52 left behind filled the disk
     * here), unless {@code BENCH_KEEP_DATA=1} asks to keep it for a look afterwards.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if ("1".equals(System.getenv("BENCH_KEEP_DATA"))) {
            System.out.println("data kept in " + dataDir);
            return;
        }
        // The embedded PostgreSQL stops with the server; give its postmaster a moment to leave the directory.
        sleep(2000);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + dataDir + ": " + e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
