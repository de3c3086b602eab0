package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.audit.CsvCrmExport;
import dev.orchestrator.application.port.in.CrmIdentityBackfillCommand;
import dev.orchestrator.application.port.in.CrmIdentityBackfillReport;
import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.BackfillRate;
import dev.orchestrator.application.port.in.audit.BackfillRunReport;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.in.audit.PlanBackfillCommand;
import dev.orchestrator.application.port.in.audit.RunBackfillCommand;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.web.pages.AuditReportView;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code audit}, {@code backfill-crm} and {@code backfill-identity}: the data-quality audit, its backfill and the
 * identity-index backfill from the command line, against the same database and CRM the server uses.
 */
final class AuditCommands {
    static final String USAGE = """
              audit [--csv-contacts F --csv-companies F [--csv-owners F] [--csv-deals F]] [--html OUT.html] [--csv OUT.csv]
                                                               data-quality audit of the configured CRM (or a CSV export)
              backfill-crm dry-run [--approve-above N]         audit, then store the fixes as a plan (writes nothing)
              backfill-crm run [--job ID] [--rate R] [--per-day N]
                                                               apply the plan (latest job by default); resumable
              backfill-crm approve --job ID --item N           let a large merge run
              backfill-crm undo [--job ID]                     write back the before values of field changes
              backfill-crm status [--job ID]                   the plan and where it stands
              backfill-identity [--restart] [--page-size N]    file the CRM's companies and contacts in the identity index
            """;

    private AuditCommands() {
    }

    static int audit(List<String> args, PrintStream out) {
        Map<String, String> options = options(args, List.of("--csv-contacts", "--csv-companies", "--csv-owners",
                "--csv-deals", "--html", "--csv", "--data-dir"), List.of());
        if (options.containsKey("--csv-contacts") != options.containsKey("--csv-companies")) {
            throw new Main.UsageError("a CSV export needs both --csv-contacts and --csv-companies");
        }
        CrmAuditReport report;
        if (options.containsKey("--csv-contacts")) {
            try (Reader contacts = reader(options.get("--csv-contacts"));
                 Reader companies = reader(options.get("--csv-companies"))) {
                Optional<Reader> owners = Optional.ofNullable(options.get("--csv-owners")).map(AuditCommands::reader);
                Optional<Reader> deals = Optional.ofNullable(options.get("--csv-deals")).map(AuditCommands::reader);
                CsvCrmExport export = new CsvCrmExport(contacts, companies, owners, deals);
                report = new dev.orchestrator.application.service.AuditCrmService(
                        dev.orchestrator.application.validate.FreeMailDomains.shipped(),
                        new dev.orchestrator.application.audit.IsoCountryCodes(),
                        dev.orchestrator.application.audit.SurvivorRule.mostComplete(), Clock.systemUTC())
                        .audit(AuditCrmQuery.of(export));
                for (Optional<Reader> r : List.of(owners, deals)) {
                    if (r.isPresent()) {
                        r.get().close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            report = withCrm(options, wiring -> wiring.audit.audit(AuditCrmQuery.of(wiring.records)));
        }
        print(report, out);
        write(options.get("--csv"), AuditReportView.csv(report), out);
        write(options.get("--html"), AuditReportView.html(report), out);
        return 0;
    }

    static int backfill(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new Main.UsageError("backfill-crm needs dry-run, run, approve, undo or status");
        }
        String action = args.get(0);
        Map<String, String> options = options(args.subList(1, args.size()), List.of("--job", "--rate", "--per-day",
                "--approve-above", "--item", "--data-dir"), List.of());
        return withCrm(options, wiring -> switch (action) {
            case "dry-run" -> dryRun(wiring, options, out);
            case "run", "undo" -> run(wiring, options, action.equals("undo"), out);
            case "approve" -> {
                BackfillItem item = wiring.backfill.approve(job(wiring, options).id(),
                        Integer.parseInt(required(options, "--item")), "cli");
                out.println("approved item " + item.seq() + ": merge of " + item.mergeIds() + " into " + item.recordId());
                yield 0;
            }
            case "status" -> {
                BackfillJob job = job(wiring, options);
                printJob(job, wiring.backfill.items(job.id()), out);
                yield 0;
            }
            default -> throw new Main.UsageError("unknown backfill-crm action '" + action + "'");
        });
    }

    static int identity(List<String> args, PrintStream out) {
        Map<String, String> options = options(args, List.of("--page-size", "--data-dir"), List.of("--restart"));
        int pageSize = Integer.parseInt(options.getOrDefault("--page-size", "100"));
        AtomicBoolean stop = new AtomicBoolean();
        return withCrm(options, wiring -> {
            CountDownLatch finished = new CountDownLatch(1);
            // Ctrl-C or TERM ends the run after its current page, whose cursor is saved: running again resumes
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    finished.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-identity-backfill");
            Runtime.getRuntime().addShutdownHook(hook);
            long started = System.nanoTime();
            CrmIdentityBackfillReport report;
            try {
                report = wiring.identity.backfill(new CrmIdentityBackfillCommand(wiring.records,
                        options.containsKey("--restart"), pageSize, stop::get));
            } finally {
                finished.countDown();
            }
            out.printf(Locale.ROOT, "identity index backfill from %s: %d companies, %d contacts indexed in %d pages "
                            + "(%.1f s)%s%s%n", wiring.crm, report.companies(), report.contacts(), report.pages(),
                    (System.nanoTime() - started) / 1e9, report.resumed() ? ", resumed" : "",
                    report.complete() ? ", complete" : ", stopped: run again to resume");
            return report.complete() ? 0 : 3;
        });
    }

    private static int dryRun(AuditWiring wiring, Map<String, String> options, PrintStream out) {
        CrmAuditReport report = wiring.audit.audit(AuditCrmQuery.of(wiring.records));
        int approvalAbove = Integer.parseInt(options.getOrDefault("--approve-above",
                Integer.toString(wiring.settings.approvalAbove())));
        BackfillJob job = wiring.backfill.plan(new PlanBackfillCommand(report, approvalAbove, "cli"));
        printJob(job, wiring.backfill.items(job.id()), out);
        out.println("dry run stored as job " + job.id() + "; nothing was written to the CRM. Apply it with:");
        out.println("  backfill-crm run --job " + job.id());
        return 0;
    }

    private static int run(AuditWiring wiring, Map<String, String> options, boolean undo, PrintStream out) {
        BackfillJob job = job(wiring, options);
        BackfillRate rate = new BackfillRate(
                Double.parseDouble(options.getOrDefault("--rate", Double.toString(wiring.settings.rate().perSecond()))),
                Long.parseLong(options.getOrDefault("--per-day", Long.toString(wiring.settings.rate().perDay()))));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C or a TERM signal ends the run after its current item, which is saved: running again resumes
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-backfill");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunBackfillCommand command = new RunBackfillCommand(job.id(), rate, stop::get, "cli");
            BackfillRunReport report = undo ? wiring.backfill.undo(command) : wiring.backfill.run(command);
            out.printf(Locale.ROOT, "%s of job %s: %d done, %d skipped, %d failed, %d awaiting approval; "
                            + "%d requests in %.2f s = %.2f requests/s (limit %.2f/s, %d/day); job now %s (%d of %d done)%n",
                    undo ? "undo" : "run", job.id(), report.done(), report.skipped(), report.failed(),
                    report.awaitingApproval(), report.requests(), report.elapsed().toMillis() / 1000.0,
                    report.achievedRate(), rate.perSecond(), rate.perDay(), report.job().status(), report.job().done(),
                    report.job().items());
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waited for this run to end
            }
        }
    }

    private static BackfillJob job(AuditWiring wiring, Map<String, String> options) {
        Optional<BackfillJob> job = options.containsKey("--job")
                ? wiring.backfill.job(UUID.fromString(options.get("--job"))) : wiring.backfill.latest();
        return job.orElseThrow(() -> new Main.UsageError("no backfill job: run backfill-crm dry-run first"));
    }

    private static void printJob(BackfillJob job, List<BackfillItem> items, PrintStream out) {
        out.println("job " + job.id() + " on " + job.crm() + ": " + job.status() + ", " + job.done() + " of "
                + job.items() + " done, " + job.requests() + " requests");
        for (BackfillItem item : items) {
            out.println(String.format(Locale.ROOT, "%5d  %-14s %-8s %-10s %-8s %s → %s  [%s]%s", item.seq(),
                    item.kind().name().toLowerCase(Locale.ROOT), item.recordType().key(), item.recordId(),
                    item.field().map(RecordField::key).orElse(item.mergeIds().isEmpty() ? ""
                            : "+" + String.join(",", item.mergeIds())),
                    quoted(item.before()), quoted(item.after()), item.status().name().toLowerCase(Locale.ROOT),
                    item.note().isEmpty() ? "" : "  " + item.note()));
        }
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    static void print(CrmAuditReport report, PrintStream out) {
        out.printf(Locale.ROOT, "audit of %s: %d contacts, %d companies, %d owners, %d deals (%d page requests)%n",
                report.source(), report.contacts(), report.companies(), report.owners(), report.deals(),
                report.requests());
        for (FindingKind kind : FindingKind.values()) {
            out.printf(Locale.ROOT, "  %-34s %7d  %6.2f%% of %s%n", kind.title(), report.count(kind),
                    report.percent(kind), kind.population().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        out.println("  duplicate clusters: " + report.clusters().size());
    }

    private interface WithWiring<T> {
        T apply(AuditWiring wiring);
    }

    private static <T> T withCrm(Map<String, String> options, WithWiring<T> action) {
        Settings settings = Settings.fromEnvironment(System.getenv(), Optional.empty(),
                Optional.ofNullable(options.get("--data-dir")).map(Path::of));
        Orchestrator.registerSecrets(settings);
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new TimeOrderedIds();
        try (Database database = Database.open(settings.databaseUrl(), settings.dataDir(), 2)) {
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), clock, ids);
            return action.apply(new AuditWiring(settings, database, persistence, AuditWiring.http(), clock, ids));
        }
    }

    private static void write(String path, String content, PrintStream out) {
        if (path == null) {
            return;
        }
        try {
            Files.writeString(Path.of(path), content, StandardCharsets.UTF_8);
            out.println("wrote " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String path) {
        try {
            return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new Main.UsageError("missing " + name);
        }
        return value;
    }

    private static Map<String, String> options(List<String> args, List<String> withValue, List<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (flags.contains(arg)) {
                options.put(arg, "true");
            } else if (withValue.contains(arg)) {
                if (i + 1 >= rest.size()) {
                    throw new Main.UsageError(arg + " needs a value");
                }
                options.put(arg, rest.get(++i));
            } else {
                throw new Main.UsageError("unknown option '" + arg + "'");
            }
        }
        return options;
    }
}
