package dev.orchestrator.e2e.bench;

import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Posts correctly signed 1 KiB form webhooks with distinct ids, closed-loop (max) or open-loop (a rate). */
final class LoadClient {
    static final String DEV_SECRET = "whsec_ZGV2LW9ubHktZm9ybS1zZWNyZXQtY2hhbmdlLW1l";
    private static final WebhookSecret SECRET = WebhookSecret.parse(DEV_SECRET);

    private final URI target;
    private final String runId;
    private final int companies;
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.Queue<String> eventIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean keepIds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Every lead from one company (Acme Corporation): the ingest benchmarks, which only store. */
    LoadClient(URI target, String runId) {
        this(target, runId, 0);
    }

    /**
     * Each lead's company drawn at random from {@code companies} companies, as inbound leads mix new companies with
     * known accounts (after as many leads as there are companies, about 63 % of leads come from a known one); 0 puts
     * them all at Acme Corporation, where every lead updates the same account.
     */
    LoadClient(URI target, String runId, int companies) {
        this.target = target;
        this.runId = runId;
        this.companies = companies;
    }

    record Result(String label, long acked, long failed, double seconds, Histogram latencyMicros) {
        double rate() {
            return acked / seconds;
        }

        String line() {
            return String.format("%-28s %8.0f acked/s  p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms  acked %7d  failed %d",
                    label, rate(), latencyMicros.getValueAtPercentile(50) / 1000.0,
                    latencyMicros.getValueAtPercentile(99) / 1000.0, latencyMicros.getMaxValue() / 1000.0, acked, failed);
        }
    }

    /** As fast as {@code concurrency} connections allow. */
    Result closedLoop(String label, int concurrency, Duration duration) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok = postOne();
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    (ok ? acked : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(label, acked.get(), failed.get(), seconds, recorder.getIntervalHistogram());
    }

    /**
     * At a fixed rate; each request is timed from when it was due, not when it was sent, so a stalled server
     * shows in the latency instead of hiding behind a slower send rate (coordinated omission).
     */
    Result openLoop(String label, double ratePerSecond, int connections, Duration duration) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = (long) (ratePerSecond * duration.toSeconds());
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime() + 50_000_000L;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            futures.add(pool.submit(() -> {
                long n;
                while ((n = next.getAndIncrement()) < total) {
                    long due = start + n * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    boolean ok = postOne();
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    (ok ? acked : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(label, acked.get(), failed.get(), seconds, recorder.getIntervalHistogram());
    }

    boolean postOne() {
        long n = sequence.incrementAndGet();
        String id = "msg_" + runId + "_" + n;
        byte[] body = companies > 0
                ? lead(id, "lead" + n + "." + runId, BenchCompany.of(companyOf(n)))
                : lead(id, "lead" + n + "." + runId + "@company" + (n % 5000) + ".example.com");
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooksScheme.sign(SECRET, id, ts, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (keepIds && response.statusCode() == 202) {
                String answer = response.body();
                int at = answer.indexOf("\"eventId\":\"") + 11;
                eventIds.add(answer.substring(at, answer.indexOf('"', at)));
            }
            return response.statusCode() == 202;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** From now on, remember the event id of every acknowledged post. */
    void keepEventIds() {
        keepIds = true;
    }

    List<String> eventIds() {
        return List.copyOf(eventIds);
    }

    private int companyOf(long n) {
        long mixed = (n + 1) * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 29), (long) companies);
    }

    long sent() {
        return sequence.get();
    }

    /** A form lead padded to 1 KiB, the size the benchmark specifies. */
    static byte[] lead(String id, String email) {
        return lead(id, email, "Acme Corporation", "https://acme.example.com");
    }

    /** A form lead from someone at {@code company}, with an address at its domain. */
    static byte[] lead(String id, String localPart, BenchCompany company) {
        return lead(id, localPart + "@" + company.domain(), company.name(), "https://www." + company.domain());
    }

    private static byte[] lead(String id, String email, String company, String website) {
        String head = "{\"id\":\"" + id + "\",\"submittedAt\":\"2026-11-26T10:00:00Z\",\"email\":\"" + email
                + "\"," + personOf(email) + ",\"company\":\"" + company + "\","
                + "\"website\":\"" + website + "\",\"country\":\"US\","
                + "\"consent\":true,\"utm\":{\"source\":\"bench\",\"medium\":\"load\",\"campaign\":\"ingest\"},"
                + "\"message\":\"";
        String tail = "\"}";
        int pad = Math.max(0, 1024 - head.length() - tail.length());
        return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** Common given names, so the person index sees the spread of names real forms bring, not one name. */
    private static final String[] GIVEN_NAMES = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer",
        "Michael", "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
        "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony",
        "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna",
        "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa",
        "Timothy", "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura",
        "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan",
        "Anna", "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen",
        "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel",
        "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis", "Maria", "Jerry", "Heather"};

    /**
     * Each address is its own person (a given name, surname and phone of its own): leads that shared one name and
     * phone at one company would be the same person to the pipeline's person dedupe.
     */
    static String personOf(String email) {
        // Letters spelled from the address's hash, so two addresses get surnames far more than a typo apart.
        StringBuilder last = new StringBuilder();
        for (char c : Integer.toHexString(email.hashCode()).toCharArray()) {
            last.append((char) ('a' + Character.digit(c, 16)));
        }
        last.setCharAt(0, Character.toUpperCase(last.charAt(0)));
        String given = GIVEN_NAMES[Math.floorMod(email.hashCode() * 31 + 7, GIVEN_NAMES.length)];
        return "\"firstName\":\"" + given + "\",\"lastName\":\"" + last + "\",\"phone\":\"" + phoneOf(email) + "\"";
    }

    /**
     * A direct line of the address's own: one of 8,000,000 numbers in the 415 area (exchange 200–999), so leads
     * share a number about as rarely as real people do. (Until 2026-11-27 it was one of 10,000 "555" numbers:
     * past 10,000 leads every number was shared, and by 150,000 each lead's phone key was held by ~15 others,
     * all of them candidates the person lookup read and compared.)
     */
    static String phoneOf(String email) {
        long mixed = (email.hashCode() + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        return String.format(java.util.Locale.ROOT, "+1 415 %03d %04d", 200 + Math.floorMod(mixed, 800L),
                Math.floorMod(mixed >>> 20, 10_000L));
    }
}
