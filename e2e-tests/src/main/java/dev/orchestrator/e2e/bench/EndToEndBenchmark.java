package dev.orchestrator.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 2 of issue 11: form lead → contact in the sandbox CRM, every step audited. Holds a steady
 * 100 leads/s and reports per-lead latency from receipt to the last pipeline step (from each event's decision
 * trace), then floods the queue and reports the maximum sustained leads/s the workers complete.
 * Usage: EndToEndBenchmark [--jar …] [--seconds 30] [--rate 100] [--workers N, default the server's] [--companies 10000] [--warmup 60]
 * [--warmup-floods 3] ({@code --companies 0}: every lead from one company, which every lead then updates). Each
 * drain prints the server's CPU per lead by part (workers, JIT compiler, GC, PostgreSQL), so a figure paid for in
 * compilation shows as such.
 */
public final class EndToEndBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(IngestBenchmark.option(args, "--jar", "web-admin/target/crm-orchestrator.jar"));
        Duration duration = Duration.ofSeconds(Long.parseLong(IngestBenchmark.option(args, "--seconds", "30")));
        double rate = Double.parseDouble(IngestBenchmark.option(args, "--rate", "100"));
        // Unset, the server chooses as it would for a user (one worker a processor with the sandbox CRM).
        Map<String, String> env = IngestBenchmark.workersEnv(args);
        int companies = Integer.parseInt(IngestBenchmark.option(args, "--companies", "10000"));
        // A server runs for days: the JIT compiles the pipeline in its first minutes (a C2 compiler thread takes
        // about a tenth of the machine then), so the measured phases start after a warm-up at the steady rate.
        Duration warmup = Duration.ofSeconds(Long.parseLong(IngestBenchmark.option(args, "--warmup", "60")));
        // The flood's paths (full claim batches, a deep queue) are compiled only once they run, and one C2 thread
        // takes several floods to finish: after one the JIT compiler still took 0.14–0.23 ms of CPU per lead.
        int warmupFloods = Integer.parseInt(IngestBenchmark.option(args, "--warmup-floods", "3"));
        System.out.println("machine: " + Machine.describe());
        System.out.println(Machine.speedProbe());
        System.out.println("leads from " + (companies > 0 ? companies + " companies drawn at random" : "one company"));
        try (ServerUnderTest server = ServerUnderTest.product(jar, "512m", env)) {
            String workers = IngestBenchmark.workers(server);
            LoadClient client = new LoadClient(server.uri("/webhooks/form"), Long.toString(System.nanoTime(), 36),
                    companies);
            client.closedLoop("start", 8, Duration.ofSeconds(5));
            awaitDrained(server);
            if (!warmup.isZero()) {
                System.out.println(client.openLoop(String.format("warm-up %d s", warmup.toSeconds()), rate, 16,
                        warmup).line());
                awaitDrained(server);
            }
            for (int flood = 1; flood <= warmupFloods; flood++) {
                System.out.println("warm-up flood " + flood + " (not counted): " + maximum(client, server, workers));
            }

            System.out.println("after the warm-up, " + Machine.speedProbe());
            client.keepEventIds();
            Instant steadyStart = Instant.now();
            Optional<KernelPressure> pressure = KernelPressure.start();
            LoadClient.Result steady = client.openLoop(String.format("steady %.0f leads/s", rate), rate, 16, duration);
            awaitDrained(server);
            Instant steadyEnd = Instant.now();
            pressure.ifPresent(KernelPressure::close);
            Latencies latencies = pipelineLatency(server, client.eventIds());
            Histogram latency = latencies.histogram();
            System.out.println(steady.line());
            System.out.printf("receipt → last pipeline step at %.0f leads/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d leads)%n",
                    rate, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0, latency.getTotalCount());
            // Where a tail comes from: the slowest leads by receipt time, beside what PostgreSQL did meanwhile.
            System.out.println("  slowest: " + latencies.slowest(5));
            List<String> pauses = server.postgresPauses(steadyStart, steadyEnd);
            System.out.println("  PostgreSQL checkpoints and autovacuums over 1 s in the steady phase: "
                    + (pauses.isEmpty() ? "none" : pauses.size()));
            pauses.forEach(line -> System.out.println("    " + line));
            pressure.ifPresent(p -> System.out.println("  " + p.describe(5)));

            System.out.println(maximum(client, server, workers));
            System.out.printf("dead letters: %.0f%n", jobs(server, "dead"));
            System.out.println("at the end, " + Machine.speedProbe());
        }
    }

    /**
     * Floods the intake for 20 s, then times the workers draining the backlog: the jobs ready or running when the
     * flood ends (a live count; the done total is recounted only every few seconds).
     */
    private static String maximum(LoadClient client, ServerUnderTest server, String workers) throws Exception {
        LoadClient.Result flood = client.closedLoop("flood", 32, Duration.ofSeconds(20));
        long start = System.nanoTime();
        double backlog = backlog(server);
        ServerCpu cpuAtStart = server.cpu();
        Optional<DatabaseWork> workAtStart = server.databaseWork();
        awaitDrained(server);
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpu = server.cpu().describe(cpuAtStart, backlog, "lead");
        // PostgreSQL's backends report their counts at most every half second: let the last ones in.
        ServerUnderTest.sleep(1000);
        return String.format("maximum sustained: %.0f leads/s completed by %s workers (%.0f leads drained in %.1f s;"
                + " %.0f of the %d acknowledged processed during the flood)%n  %s%n  %s", backlog / seconds, workers,
                backlog, seconds, flood.acked() - backlog, flood.acked(), cpu,
                DatabaseWork.describe(workAtStart, server.databaseWork(), backlog, "lead"));
    }

    /** Each lead's receipt → last step, and when it was received. */
    private record Latencies(Histogram histogram, List<Map.Entry<Instant, Long>> byReceipt) {
        String slowest(int n) {
            return byReceipt.stream().sorted(Map.Entry.<Instant, Long>comparingByValue().reversed()).limit(n)
                    .map(e -> String.format("%.0f ms at %s", e.getValue() / 1000.0, e.getKey()))
                    .collect(Collectors.joining(", "));
        }
    }

    private static Latencies pipelineLatency(ServerUnderTest server, List<String> eventIds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Histogram histogram = new Histogram(3);
        List<Map.Entry<Instant, Long>> byReceipt = new ArrayList<>();
        for (String id : eventIds) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/api/events/" + id))
                    .header("Authorization", "Bearer dev-admin-token").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode event = JSON.readTree(response.body());
            JsonNode trace = event.get("trace");
            if (trace == null || trace.isEmpty()) {
                continue;
            }
            Instant received = Instant.parse(event.get("receivedAt").asText());
            Instant last = Instant.parse(trace.get(trace.size() - 1).get("at").asText());
            long micros = Math.max(1, Duration.between(received, last).toNanos() / 1000);
            histogram.recordValue(micros);
            byReceipt.add(Map.entry(received, micros));
        }
        return new Latencies(histogram, byReceipt);
    }

    /**
     * Waits until no job is ready or running. Each look is a {@code /metrics} call that counts the queue's backlog
     * in PostgreSQL (about 2.5 ms with 15,000 jobs ready on a slow day, §2k): looking five times a second through a
     * whole drain cost the drain itself 3–5 % of PostgreSQL's time. So the wait between looks follows the backlog —
     * about a tenth of what the workers need for it at 250 leads/s, between 0.2 and 2 s — and the drain's end is
     * still seen within 0.2 s.
     */
    private static void awaitDrained(ServerUnderTest server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            double backlog = backlog(server);
            if (backlog == 0) {
                return;
            }
            ServerUnderTest.sleep(Math.max(200, Math.min(2000, (long) (backlog * 0.4))));
        }
        throw new IllegalStateException("the queue did not drain within 10 minutes");
    }

    /** Jobs ready or running, both read from one {@code /metrics} answer. */
    private static double backlog(ServerUnderTest server) throws Exception {
        Map<String, Double> figures = server.metrics();
        return ServerUnderTest.figure(figures, jobsMetric("ready"))
                + ServerUnderTest.figure(figures, jobsMetric("running"));
    }

    private static double jobs(ServerUnderTest server, String state) throws Exception {
        return server.metric(jobsMetric(state));
    }

    private static String jobsMetric(String state) {
        return "orchestrator_jobs{state=\"" + state + "\"}";
    }
}
