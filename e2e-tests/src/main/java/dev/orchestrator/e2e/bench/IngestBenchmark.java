package dev.orchestrator.e2e.bench;

import dev.orchestrator.application.service.HealthService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 1 (ingest) and 3 (memory) of issue 11: signed 1 KiB webhooks with distinct ids against the product
 * (its own embedded PostgreSQL, durable, {@code -Xmx512m}) and against the bare receiver baseline, from this
 * separate process. Finds the closed-loop maximum, then holds 50 %, 80 % and 100 % of it open-loop, and checks
 * that every acknowledged event was stored.
 * Usage: IngestBenchmark [--jar web-admin/target/crm-orchestrator.jar] [--seconds 15] [--concurrency 32]
 *     [--workers N, default the server's]
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(option(args, "--jar", "web-admin/target/crm-orchestrator.jar"));
        Duration duration = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "15")));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "32"));
        // Unmeasured first: after 5 s the product's JIT compiler still took a seventh of the machine (perf).
        Duration warmup = Duration.ofSeconds(Long.parseLong(option(args, "--warmup", "20")));
        System.out.println("machine: " + Machine.describe());
        System.out.println(Machine.speedProbe());
        System.out.println("load generator, server and PostgreSQL share this machine; storage durable (fsync on)");
        System.out.println();

        List<String> report = new ArrayList<>();
        try (ServerUnderTest bare = ServerUnderTest.bareReceiver(jar, "512m")) {
            report.addAll(run("bare receiver", bare, warmup, duration, concurrency));
        }
        try (ServerUnderTest product = ServerUnderTest.product(jar, "512m", workersEnv(args))) {
            report.addAll(run("product (" + workers(product) + " workers)", product, warmup, duration, concurrency));
            report.add(String.format("product peak RSS (JVM, -Xmx512m): %.0f MiB", Machine.peakRssMiB(product.pid())));
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    private static List<String> run(String name, ServerUnderTest server, Duration warmup, Duration duration,
            int concurrency) throws Exception {
        List<String> lines = new ArrayList<>();
        LoadClient client = new LoadClient(server.uri("/webhooks/form"), Long.toString(System.nanoTime(), 36));
        client.closedLoop("warm-up", concurrency, warmup);
        Optional<DatabaseWork> workBefore = server.databaseWork();
        LoadClient.Result max = client.closedLoop(name + " max", concurrency, duration);
        // Backends report their counts at most every half second; the product's workers go on meanwhile, which
        // its line says: its figures are intake and processing together.
        ServerUnderTest.sleep(1000);
        String work = "  " + DatabaseWork.describe(workBefore, server.databaseWork(), max.acked(),
                "acknowledged event") + " (in the maximum phase and a second after it)";
        lines.add(max.line());
        lines.add(work);
        System.out.println(max.line());
        System.out.println(work);
        long failed = max.failed();
        for (double share : new double[] {0.5, 0.8, 1.0}) {
            LoadClient.Result held = client.openLoop(String.format("%s %.0f%% (%.0f/s)", name, share * 100,
                    share * max.rate()), share * max.rate(), concurrency * 2, duration);
            lines.add(held.line());
            System.out.println(held.line());
            failed += held.failed();
        }
        long sent = client.sent();
        // The server recounts its stored events at most every few seconds (a count reads the whole table).
        ServerUnderTest.sleep(HealthService.TOTALS_REUSE.toMillis() + 500);
        double stored = server.metric("orchestrator_events_total");
        lines.add(String.format("%s: sent %d, failed %d, stored %.0f → every acknowledged event stored: %s", name,
                sent, failed, stored, stored >= sent - failed));
        return lines;
    }

    /** {@code WORKER_THREADS} from {@code --workers}; none when it is not given, so the server's default holds. */
    static Map<String, String> workersEnv(String[] args) {
        String workers = option(args, "--workers", null);
        return workers == null ? Map.of() : Map.of("WORKER_THREADS", workers);
    }

    /** How many workers the server runs, as its {@code /metrics} says. */
    static String workers(ServerUnderTest server) throws Exception {
        return String.format("%.0f", server.metric("orchestrator_worker_threads"));
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
