package dev.orchestrator.e2e.bench;

import dev.orchestrator.application.dedupe.BatchDedupe;
import dev.orchestrator.application.dedupe.ClusterMetrics;
import dev.orchestrator.application.dedupe.Csv;
import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.DedupeResult;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Runs the batch matcher over every dataset folder (records.csv + truth.csv) under the given directory
 * (default {@code ../shared/data/dedupe}) and prints pairwise and B-cubed precision/recall/F1, records per
 * second and comparisons per record, beside the README's baselines, and the pairs that one-by-one lookups (the
 * pipeline's way) find at the identity index's candidate limit and at two others; then the latency of one lookup
 * against an in-memory identity index of generated companies (the companies_synth names with random suffixes,
 * seeded).
 * Usage: {@code DedupeBenchmark [DATA_DIR] [--seconds N] [--index-size N]} (index size 0 skips the lookups).
 */
public final class DedupeBenchmark {
    private static final Map<String, List<String>> BASELINES = Map.of(
            "companies_synth", List.of(
                    "exact name                 P 0.890 R 0.111 F1 0.197 | B3 F1 0.644",
                    "exact registrable domain   P 1.000 R 0.403 F1 0.574 | B3 F1 0.798",
                    "naive union name|domain    P 0.914 R 0.855 F1 0.884 | B3 F1 0.940"),
            "persons_splink", List.of(
                    "exact e-mail               P 1.000 R 0.351 F1 0.519 | B3 F1 0.679",
                    "exact first+last name      P 1.000 R 0.158 F1 0.273 | B3 F1 0.539"),
            "orgs_chicago", List.of(
                    "exact name                 P 0.967 R 0.279 F1 0.433 | B3 F1 0.712",
                    "exact registrable domain   P 0.000 R 0.000 F1 0.000 | B3 F1 0.516"));

    private DedupeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("../shared/data/dedupe");
        double seconds = 3.0;
        int indexSize = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds") && i + 1 < args.length) {
                seconds = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--index-size") && i + 1 < args.length) {
                indexSize = Integer.parseInt(args[++i]);
            } else {
                root = Path.of(args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s (%s), %s %s, load average %.2f%n",
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Path> datasets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("records.csv"))
                            && Files.isRegularFile(d.resolve("truth.csv")))
                    .sorted().forEach(datasets::add);
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("no dataset (records.csv + truth.csv) under " + root.toAbsolutePath());
        }
        for (Path dataset : datasets) {
            run(dataset, seconds, out);
        }
        Path companies = root.resolve("companies_synth");
        if (indexSize > 0 && Files.isRegularFile(companies.resolve("records.csv"))) {
            lookups(readRecords(companies), indexSize, out);
        }
    }

    private static final String[] SUFFIXES = {"labs", "works", "systems", "partners", "group", "digital", "health",
        "capital", "studio", "networks", "analytics", "logistics", "foods", "energy", "media", "robotics"};

    /**
     * Builds an index of {@code size} generated companies plus the dataset's own records, then times one
     * lookup (blocking keys, candidate fetch, comparisons, ranking) for each dataset record as a probe.
     */
    private static void lookups(List<DedupeRecord> seeds, int size, PrintStream out) {
        Random random = new Random(1729);
        List<DedupeRecord> generated = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            DedupeRecord seed = seeds.get(random.nextInt(seeds.size()));
            String word = SUFFIXES[random.nextInt(SUFFIXES.length)];
            String tag = Integer.toString(i, 36);
            String label = seed.companyName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            generated.add(new DedupeRecord("gen" + i, seed.companyName() + " " + word + " " + tag,
                    label + word + tag + ".com", "", "", "", "",
                    String.format(Locale.ROOT, "+1 %03d %03d %04d", 200 + random.nextInt(700), random.nextInt(1000),
                            random.nextInt(10_000)), seed.city(), seed.country()));
        }
        long buildStart = System.nanoTime();
        MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
        MatchRecord[] prepared = generated.parallelStream().map(factory::toMatchRecord).toArray(MatchRecord[]::new);
        generated.clear();
        InMemoryIdentityIndex index = new InMemoryIdentityIndex(RecordMatcher.standard(MatchThresholds.DEFAULT),
                BatchDedupe.DEFAULT_MAX_BLOCK, 64);
        for (MatchRecord r : prepared) {
            index.add(r);
        }
        List<MatchRecord> probes = new ArrayList<>();
        for (DedupeRecord seed : seeds) {
            MatchRecord r = factory.toMatchRecord(seed);
            index.add(r);
            probes.add(r);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        for (int warm = 0; warm < 3; warm++) {
            for (MatchRecord probe : probes) {
                index.lookup(probe);
            }
        }
        // Start the timed lookups from a settled heap, and report the collector's share apart.
        System.gc();
        long gcBefore = gcMillis();
        int rounds = 5;
        long[] nanos = new long[probes.size() * rounds];
        long[] cpuNanos = new long[probes.size() * rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long found = 0;
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (MatchRecord probe : probes) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                found += index.lookup(probe).size();
                nanos[n] = System.nanoTime() - t0;
                cpuNanos[n++] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(cpuNanos);
        long gcDuring = gcMillis() - gcBefore;
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "%n== lookup against an in-memory index of %,d companies (built in %.1f s)%n",
                index.size(), buildSeconds);
        out.printf(Locale.ROOT, "one lookup: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %,d lookups "
                        + "(%.1f matches per probe); %d ms of garbage collection meanwhile%n",
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n, (double) found / n,
                gcDuring);
        // CPU time leaves out the waits of a busy shared machine: what one lookup costs on its own.
        out.printf(Locale.ROOT, "one lookup, CPU time: p50 %.3f ms, p99 %.3f ms%n",
                cpuNanos[n / 2] / 1e6, cpuNanos[(int) (n * 0.99)] / 1e6);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static List<DedupeRecord> readRecords(Path dataset) throws IOException {
        List<DedupeRecord> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dataset.resolve("records.csv"), StandardCharsets.UTF_8)) {
            for (Map<String, String> row : Csv.readWithHeader(in)) {
                records.add(DedupeRecord.fromRow(row));
            }
        }
        return records;
    }

    /** CPU time of the whole process (all threads, GC included), so a busy shared machine does not skew it. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0L;
    }

    private static void run(Path dataset, double seconds, PrintStream out) throws IOException {
        List<DedupeRecord> records = readRecords(dataset);
        Map<String, String> truth = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(dataset.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            for (Map<String, String> row : Csv.readWithHeader(in)) {
                truth.put(row.get("record_id"), row.get("cluster_id"));
            }
        }
        BatchDedupe dedupe = BatchDedupe.standard();
        DedupeResult result = dedupe.cluster(records);
        ClusterMetrics.Report report = ClusterMetrics.evaluate(truth, result.clusterOf());

        // Throughput: repeat the whole batch (parsing, blocking, matching, clustering) for a few seconds,
        // after a warm-up, because one pass over ~1,000 records is too short to time.
        for (int i = 0; i < 3; i++) {
            dedupe.cluster(records);
        }
        long runs = 0;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long budget = (long) (seconds * 1e9);
        while (System.nanoTime() - start < budget || runs < 3) {
            dedupe.cluster(records);
            runs++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double recordsPerSecond = runs * records.size() / elapsed;
        double cpuMicrosPerRecord = cpuSeconds * 1e6 / (runs * records.size());

        String name = dataset.getFileName().toString();
        out.printf(Locale.ROOT, "%n== %s: %d records, %d true pairs, %d predicted pairs%n", name, records.size(),
                report.truePairs(), report.predictedPairs());
        out.printf(Locale.ROOT, "matcher                    P %.3f R %.3f F1 %.3f | B3 P %.3f R %.3f F1 %.3f%n",
                report.pairwise().precision(), report.pairwise().recall(), report.pairwise().f1(),
                report.bcubed().precision(), report.bcubed().recall(), report.bcubed().f1());
        for (String baseline : BASELINES.getOrDefault(name, List.of())) {
            out.println("baseline " + baseline);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "speed: %.0f records/s wall clock (whole batch, %d runs); %.1f CPU us/record, "
                        + "i.e. %.0f records/s on %d idle cores%n",
                recordsPerSecond, runs, cpuMicrosPerRecord, cores * 1e6 / cpuMicrosPerRecord, cores);
        out.printf(Locale.ROOT, "work: %.1f comparisons/record, %d duplicate / %d possible pairs, %d merges refused%n",
                (double) result.comparisons() / records.size(), result.duplicatePairs(), result.possiblePairs(),
                result.refusedMerges());
        candidateLimits(records, truth, out);
    }

    /**
     * The pipeline's way: each record looked up in an index of the records before it, then indexed; the pairs its
     * lookups find at the port's candidate limit beside a looser and a tighter one, so a change of the limit shows
     * what it costs in matches.
     */
    private static void candidateLimits(List<DedupeRecord> records, Map<String, String> truth, PrintStream out) {
        MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
        List<MatchRecord> prepared = records.stream().map(factory::toMatchRecord).toList();
        for (int limit : new int[] {64, IdentityIndex.MAX_CANDIDATES, 16}) {
            InMemoryIdentityIndex index = new InMemoryIdentityIndex(RecordMatcher.standard(MatchThresholds.DEFAULT),
                    IdentityIndex.MAX_HOLDERS, limit);
            long candidates = 0;
            int[] duplicates = new int[2];
            int[] possible = new int[2];
            for (MatchRecord record : prepared) {
                IdentityIndex.Kind kind = IdentityIndex.Kind.of(record);
                candidates += index.candidates(record, kind).size();
                String cluster = truth.get(record.id());
                for (InMemoryIdentityIndex.IndexMatch match : index.lookup(record, kind)) {
                    int right = cluster != null && cluster.equals(truth.get(match.recordId())) ? 1 : 0;
                    if (match.decision() instanceof MatchDecision.Duplicate) {
                        duplicates[right]++;
                    } else {
                        possible[right]++;
                    }
                }
                index.add(record);
            }
            out.printf(Locale.ROOT, "lookups one by one, at most %d candidates%s: %.1f candidates/lookup; "
                            + "duplicate pairs %d true, %d false; possible %d true, %d false%n", limit,
                    limit == IdentityIndex.MAX_CANDIDATES ? " (the pipeline's limit)" : "",
                    (double) candidates / prepared.size(), duplicates[1], duplicates[0], possible[1], possible[0]);
        }
    }
}
