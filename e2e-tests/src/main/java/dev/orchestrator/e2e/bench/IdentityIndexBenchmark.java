package dev.orchestrator.e2e.bench;

import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.dedupe.Csv;
import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.BackfillCommand;
import dev.orchestrator.application.port.in.BackfillReport;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.MatchCompanyQuery;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.service.BackfillIdentityIndexService;
import dev.orchestrator.application.service.MatchCompanyService;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The identity index on PostgreSQL (embedded, durable, in a temporary directory): backfills generated companies
 * (the companies_synth names with seeded random suffixes, plus the dataset's own companies) through
 * {@link BackfillIdentityIndexService}, then times lookups: the index round trip alone, and a whole lead-to-account
 * match ({@link MatchCompanyService}: normalising the lead, the round trip, the comparisons).
 * Probes alternate between the dataset's companies (their own id excluded, so they meet their duplicates) and
 * variants of generated companies typed as a lead would ("… LLC", a mailbox at the domain).
 * Usage: {@code IdentityIndexBenchmark [DATA_DIR] [--records N] [--lookups N]}.
 */
public final class IdentityIndexBenchmark {
    private static final String[] SUFFIXES = {"systems", "labs", "group", "partners", "digital", "holdings",
            "capital", "studio", "networks", "analytics", "logistics", "foods", "energy", "media", "robotics"};

    private IdentityIndexBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("../shared/data/dedupe");
        int size = 100_000;
        int lookups = 10_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--records") && i + 1 < args.length) {
                size = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--lookups") && i + 1 < args.length) {
                lookups = Integer.parseInt(args[++i]);
            } else {
                root = Path.of(args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s, load average %.2f%n",
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<DedupeRecord> seeds = readRecords(root.resolve("companies_synth"));
        List<DedupeRecord> generated = generate(seeds, size);
        Path dataDir = Files.createTempDirectory("identity-bench");
        try (Database database = Database.open(Optional.empty(), dataDir, 4)) {
            out.printf(Locale.ROOT, "database: %s%n", database.describe());
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), Clock.systemUTC(),
                    UUID::randomUUID);
            run(persistence, seeds, generated, lookups, out);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void run(PersistenceAdapter persistence, List<DedupeRecord> seeds, List<DedupeRecord> generated,
                            int lookups, PrintStream out) {
        MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
        IdentityIndex index = persistence.identityIndex();
        List<DedupeRecord> accounts = new ArrayList<>(generated);
        accounts.addAll(seeds);
        accounts.sort(Comparator.comparing(DedupeRecord::recordId));

        long t0 = System.nanoTime();
        BackfillReport report = new BackfillIdentityIndexService(index, factory)
                .backfill(new BackfillCommand(accounts.iterator(), Optional.empty(), 1_000, checkpoint -> { }));
        double backfillSeconds = (System.nanoTime() - t0) / 1e9;
        persistence.jdbi().useHandle(h -> {
            h.execute("vacuum analyze identity_keys");
            h.execute("vacuum analyze identity_records");
        });
        long keys = persistence.jdbi().withHandle(h -> h.createQuery("select count(*) from identity_keys")
                .mapTo(Long.class).one());
        out.printf(Locale.ROOT, "%n== backfill: %,d companies (%,d generated + %,d from companies_synth), %,d keys, "
                        + "in %.1f s (%,.0f records/s, %d batches)%n", report.indexed(), generated.size(), seeds.size(),
                keys, backfillSeconds, report.indexed() / backfillSeconds, report.batches());

        List<MatchCompanyQuery> probes = probes(seeds, generated, lookups);
        List<MatchRecord> probeRecords = probes.stream().map(q -> factory.toMatchRecord(new DedupeRecord(q.leadId(),
                q.companyName(), q.domain(), q.website(), q.email(), "", "", q.phone(), q.city(), q.country())))
                .toList();
        MatchCompanyService service = new MatchCompanyService(index, RecordMatcher.standard(MatchThresholds.DEFAULT),
                factory);
        // Warm the JIT and PostgreSQL's buffers with a tenth of the probes.
        for (int i = 0; i < lookups / 10; i++) {
            service.match(probes.get(i));
        }

        long[] roundTrip = new long[lookups];
        long candidates = 0;
        for (int i = 0; i < lookups; i++) {
            long s = System.nanoTime();
            candidates += index.candidates(probeRecords.get(i), IdentityIndex.Kind.COMPANY).size();
            roundTrip[i] = System.nanoTime() - s;
        }
        long[] whole = new long[lookups];
        long comparisons = 0;
        int[] decisions = new int[3];
        for (int i = 0; i < lookups; i++) {
            long s = System.nanoTime();
            CompanyMatch match = service.match(probes.get(i));
            whole[i] = System.nanoTime() - s;
            comparisons += match.comparisons();
            decisions[match.isDuplicate() ? 0 : match.decision() instanceof MatchDecision.PossibleDuplicate ? 1 : 2]++;
        }
        out.printf(Locale.ROOT, "%n== %,d lookups against %,d indexed companies%n", lookups, report.indexed());
        print(out, "index round trip (candidates)", roundTrip);
        print(out, "whole match (normalise + candidates + compare)", whole);
        out.printf(Locale.ROOT, "candidates per lookup: %.1f; comparisons per lookup: %.1f (limit %d)%n",
                (double) candidates / lookups, (double) comparisons / lookups, IdentityIndex.MAX_CANDIDATES);
        out.printf(Locale.ROOT, "decisions: %,d duplicate, %,d possible duplicate, %,d distinct%n",
                decisions[0], decisions[1], decisions[2]);
    }

    private static void print(PrintStream out, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        out.printf(Locale.ROOT, "%-48s p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what + ":", sorted[n / 2] / 1e6,
                sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
    }

    /** The dataset's companies as leads (their own id, so they meet only their duplicates) and lead-typed variants. */
    private static List<MatchCompanyQuery> probes(List<DedupeRecord> seeds, List<DedupeRecord> generated, int count) {
        Random random = new Random(4242);
        List<MatchCompanyQuery> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                DedupeRecord s = seeds.get(random.nextInt(seeds.size()));
                probes.add(new MatchCompanyQuery(s.recordId(), s.companyName(), s.domain(), s.website(), s.email(),
                        s.phone(), s.city(), s.country()));
            } else {
                DedupeRecord g = generated.get(random.nextInt(generated.size()));
                probes.add(MatchCompanyQuery.of("lead-" + i, g.companyName() + " LLC", "sales@" + g.domain(),
                        g.country()));
            }
        }
        return probes;
    }

    /** Same generator as {@link DedupeBenchmark}: a dataset name, a suffix word and a unique tag, seeded. */
    private static List<DedupeRecord> generate(List<DedupeRecord> seeds, int size) {
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
        return generated;
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

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
