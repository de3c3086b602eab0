package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.AuditCrmUseCase;
import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.BackfillRate;
import dev.orchestrator.application.port.in.audit.BackfillRunReport;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.CrmBackfillUseCase;
import dev.orchestrator.application.port.in.audit.ItemStatus;
import dev.orchestrator.application.port.in.audit.PlanBackfillCommand;
import dev.orchestrator.application.port.in.audit.RunBackfillCommand;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /audit}: run the data-quality audit over the configured CRM, see it (counts, shares, examples, chart,
 * clusters), export it (CSV, self-contained HTML), and plan, run, stop, approve and undo its backfill. A backfill
 * runs in the background on one thread of this page's own; the page shows its progress from the job store.
 */
public final class AuditPage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPage.class);
    static final int ITEMS_SHOWN = 300;

    private final AuditCrmUseCase audit;
    private final CrmBackfillUseCase backfill;
    private final Supplier<CrmRecords> crm;
    private final String crmName;
    private final BackfillRate rate;
    private final int approvalAbove;
    private final AtomicReference<CrmAuditReport> last = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<String> lastRun = new AtomicReference<>("");
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "crm-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public AuditPage(AuditCrmUseCase audit, CrmBackfillUseCase backfill, Supplier<CrmRecords> crm, String crmName,
            BackfillRate rate, int approvalAbove) {
        this.audit = audit;
        this.backfill = backfill;
        this.crm = crm;
        this.crmName = crmName;
        this.rate = rate;
        this.approvalAbove = approvalAbove;
    }

    public void install(RoutesConfig routes) {
        routes.get("/audit", this::show);
        routes.post("/audit/run", this::run);
        routes.get("/audit/report.csv", this::csv);
        routes.get("/audit/report.html", this::html);
        routes.post("/audit/backfill/plan", this::plan);
        routes.post("/audit/backfill/run", this::runBackfill);
        routes.post("/audit/backfill/stop", this::stopBackfill);
        routes.post("/audit/backfill/undo", this::undo);
        routes.post("/audit/backfill/approve", this::approve);
    }

    public void show(Context ctx) {
        Optional<BackfillJob> job = backfill.latest();
        List<BackfillItem> items = job.map(j -> backfill.items(j.id())).orElse(List.of());
        List<AuditPageModel.ItemRow> rows = items.stream().limit(ITEMS_SHOWN).map(AuditPage::row).toList();
        ctx.render("audit.jte", Map.of("model", new AuditPageModel(crmName,
                Optional.ofNullable(last.get()).map(AuditReportView::of), job, rows,
                Math.max(0, items.size() - ITEMS_SHOWN), running.get(), lastRun.get(),
                String.format(Locale.ROOT, "%.1f requests/s and %d per day", rate.perSecond(), rate.perDay()),
                approvalAbove, notice(ctx.queryParam("done"))), "chrome", BrowserAuth.chrome(ctx)));
    }

    public void run(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "running an audit");
        CrmAuditReport report = audit.audit(AuditCrmQuery.of(crm.get()));
        last.set(report);
        ctx.redirect("/audit?done=audit");
    }

    public void csv(Context ctx) {
        CrmAuditReport report = lastOrNotFound();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"crm-audit.csv\"");
        ctx.result(AuditReportView.csv(report));
    }

    public void html(Context ctx) {
        CrmAuditReport report = lastOrNotFound();
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"crm-audit.html\"");
        ctx.result(AuditReportView.html(report));
    }

    public void plan(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "planning a backfill");
        BackfillJob job = backfill.plan(new PlanBackfillCommand(lastOrNotFound(), approvalAbove, user(ctx)));
        LOG.info("backfill {} planned by {}: {} items", job.id(), user(ctx), job.items());
        ctx.redirect("/audit?done=plan#backfill");
    }

    public void runBackfill(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "running a backfill");
        UUID job = jobId(ctx);
        String actor = user(ctx);
        if (running.compareAndSet(false, true)) {
            stop.set(false);
            runner.submit(() -> background(() -> backfill.run(new RunBackfillCommand(job, rate, stop::get, actor))));
        }
        ctx.redirect("/audit?done=run#backfill");
    }

    public void stopBackfill(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "stopping a backfill");
        stop.set(true);
        ctx.redirect("/audit?done=stop#backfill");
    }

    public void undo(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "undoing a backfill");
        UUID job = jobId(ctx);
        String actor = user(ctx);
        if (running.compareAndSet(false, true)) {
            stop.set(false);
            runner.submit(() -> background(() -> backfill.undo(new RunBackfillCommand(job, rate, stop::get, actor))));
        }
        ctx.redirect("/audit?done=undo#backfill");
    }

    public void approve(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "approving a merge");
        int seq;
        try {
            seq = Integer.parseInt(String.valueOf(ctx.formParam("item")).strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid item", 400, "items are numbered",
                    "item", "not an item number"));
        }
        backfill.approve(jobId(ctx), seq, user(ctx));
        ctx.redirect("/audit?done=approve#item-" + seq);
    }

    private void background(Supplier<BackfillRunReport> work) {
        try {
            BackfillRunReport report = work.get();
            lastRun.set(String.format(Locale.ROOT, "%d done, %d skipped, %d failed, %d awaiting approval; %d requests"
                            + " in %.1f s (%.2f/s)", report.done(), report.skipped(), report.failed(),
                    report.awaitingApproval(), report.requests(), report.elapsed().toMillis() / 1000.0,
                    report.achievedRate()));
        } catch (RuntimeException e) {
            LOG.warn("backfill run failed", e);
            lastRun.set("failed: " + e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private CrmAuditReport lastOrNotFound() {
        CrmAuditReport report = last.get();
        if (report == null) {
            throw new NotFoundResponse("no audit has run yet");
        }
        return report;
    }

    private static UUID jobId(Context ctx) {
        try {
            return UUID.fromString(String.valueOf(ctx.formParam("job")).strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid job", 400, "jobs are UUIDs", "job",
                    "not a job id"));
        }
    }

    private static String user(Context ctx) {
        return BrowserAuth.session(ctx).username().orElse("admin");
    }

    private static String notice(String done) {
        if (done == null) {
            return "";
        }
        return switch (done) {
            case "audit" -> "Audit finished.";
            case "plan" -> "Dry run stored: the plan below is what a run would change. Nothing was written to the CRM.";
            case "run" -> "Backfill running in the background; reload to follow it.";
            case "stop" -> "Stop requested: the run ends after its current item and resumes where it stopped.";
            case "undo" -> "Undo running in the background.";
            case "approve" -> "Merge approved: it runs with the next run.";
            default -> "";
        };
    }

    private static AuditPageModel.ItemRow row(BackfillItem item) {
        String record = item.recordType().key() + " " + item.recordId()
                + item.field().map(f -> "." + f.key()).orElse("")
                + (item.mergeIds().isEmpty() ? "" : " ← " + String.join(", ", item.mergeIds()));
        return new AuditPageModel.ItemRow(item.seq(), item.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                record, item.before(), item.after(), item.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                item.status() == ItemStatus.AWAITING_APPROVAL, item.note());
    }

    @Override
    public void close() {
        stop.set(true);
        runner.shutdown();
    }
}
