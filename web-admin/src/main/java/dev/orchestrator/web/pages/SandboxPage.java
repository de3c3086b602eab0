package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.ManageRulesetsUseCase;
import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.application.rules.FixtureReport;
import dev.orchestrator.application.rules.RuleFixture;
import dev.orchestrator.application.rules.RuleFixtureRunner;
import dev.orchestrator.application.rules.StoredEventHistories;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.BrowserAuth;
import dev.orchestrator.web.rules.DryRunPopulations;
import dev.orchestrator.web.rules.RuleFixtureYamlParser;
import dev.orchestrator.web.rules.RulesDryRunCommand;
import dev.orchestrator.web.rules.RulesetSyntaxError;
import dev.orchestrator.web.rules.RulesetYamlParser;
import dev.orchestrator.web.rules.ShippedRules;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /sandbox}: edit a copy of the active ruleset, dry-run it over the seeded sandbox data (or the stored
 * events of the last N days) beside the active one (nothing is written anywhere), or run the shipped rule
 * fixtures against it. A file that does not parse is shown with its line, column and what was expected. Admins
 * also attach the edited file in shadow, promote or detach it, and reload the active file; the page shows what
 * the ruleset in shadow would have decided otherwise on live events.
 */
public final class SandboxPage {
    private static final int DIFFERENCES_SHOWN = 50;

    private final Supplier<String> activeFile;
    private final Supplier<Ruleset> active;
    private final DryRunRulesetUseCase dryRuns;
    private final DryRunPopulations populations;
    private final Supplier<OwnerRoster> owners;
    private final ManageRulesetsUseCase rulesets;
    private final Supplier<byte[]> activeFileBytes;
    private final RulesetYamlParser parser = new RulesetYamlParser();

    public SandboxPage(Supplier<String> activeFile, Supplier<Ruleset> active, DryRunRulesetUseCase dryRuns,
            DryRunPopulations populations, Supplier<OwnerRoster> owners, ManageRulesetsUseCase rulesets,
            Supplier<byte[]> activeFileBytes) {
        this.activeFile = activeFile;
        this.active = active;
        this.dryRuns = dryRuns;
        this.populations = populations;
        this.owners = owners;
        this.rulesets = rulesets;
        this.activeFileBytes = activeFileBytes;
    }

    public void show(Context ctx) {
        render(ctx, activeFile.get(), "", "", 0, "", "");
    }

    public void run(Context ctx) {
        String text = ruleset(ctx);
        String days = ctx.formParam("days") == null ? "" : ctx.formParam("days").strip();
        Ruleset proposed;
        try {
            proposed = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (RulesetSyntaxError e) {
            render(ctx, text, "", e.getMessage(), e.line(), days, "");
            return;
        }
        if ("test".equals(ctx.formParam("action"))) {
            render(ctx, text, fixtures(proposed), "", 0, days, "");
            return;
        }
        DryRunPopulations.Population population;
        try {
            population = days.isEmpty() ? populations.sandbox() : populations.storedEvents(Integer.parseInt(days));
        } catch (IllegalArgumentException e) {
            render(ctx, text, "", "days must be a whole number from 1 to " + StoredEventHistories.MAX_DAYS, 0, days,
                    "");
            return;
        }
        String result = population.description() + "\n" + RulesDryRunCommand.table(dryRuns.dryRun(new DryRunQuery(
                active.get(), proposed, population.records(), owners.get(), population.asOf(), 50)));
        render(ctx, text, result, "", 0, days, "");
    }

    /** Attaches the edited file in shadow (admin). */
    public void attachShadow(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.ADMIN, "attaching a ruleset in shadow");
        String text = ruleset(ctx);
        Ruleset proposed;
        try {
            proposed = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (RulesetSyntaxError e) {
            render(ctx, text, "", e.getMessage(), e.line(), "", "");
            return;
        }
        ManageRulesetsUseCase.Change change = rulesets.attachShadow(new ManageRulesetsUseCase.AttachShadowCommand(
                proposed, text, user(ctx)));
        render(ctx, text, "", "", 0, "", "Attached in shadow: " + shortHash(change.toVersion().orElse(""))
                + ". Live events are now evaluated under it too; nothing it decides is acted on.");
    }

    public void detachShadow(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.ADMIN, "detaching the ruleset in shadow");
        ManageRulesetsUseCase.Change change = rulesets.detachShadow(user(ctx));
        render(ctx, activeFile.get(), "", "", 0, "", change.done() ? "Detached from shadow: "
                + shortHash(change.fromVersion().orElse("")) + "." : "Nothing was in shadow.");
    }

    public void promoteShadow(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.ADMIN, "promoting the ruleset in shadow");
        ManageRulesetsUseCase.Change change = rulesets.promoteShadow(user(ctx));
        render(ctx, activeFile.get(), "", "", 0, "", change.done() ? "Promoted: the active ruleset is now "
                + shortHash(change.toVersion().orElse("")) + " (was " + shortHash(change.fromVersion().orElse(""))
                + ")." : "Nothing was in shadow to promote.");
    }

    /** Reads the active file again (admin); a file that does not parse leaves the active ruleset in force. */
    public void reload(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.ADMIN, "reloading the active ruleset");
        Ruleset next;
        byte[] file = activeFileBytes.get();
        try {
            next = parser.parse(file);
        } catch (RulesetSyntaxError e) {
            render(ctx, activeFile.get(), "", "The active file was not reloaded: " + e.getMessage(), e.line(), "",
                    "");
            return;
        }
        ManageRulesetsUseCase.Change change = rulesets.reload(new ManageRulesetsUseCase.ReloadCommand(next,
                new String(file, java.nio.charset.StandardCharsets.UTF_8), user(ctx)));
        render(ctx, activeFile.get(), "", "", 0, "", "Reloaded the active file: "
                + shortHash(change.fromVersion().orElse("")) + " -> " + shortHash(change.toVersion().orElse("")) + ".");
    }

    private String fixtures(Ruleset proposed) {
        RuleFixtureYamlParser fixtureParser = new RuleFixtureYamlParser();
        List<RuleFixture> all = new ArrayList<>();
        for (String name : ShippedRules.FIXTURES) {
            all.addAll(fixtureParser.parse(name, ShippedRules.fixtureBytes(name), owners.get()));
        }
        FixtureReport report = new RuleFixtureRunner().run(proposed, owners.get(), all);
        return report.render();
    }

    private static String ruleset(Context ctx) {
        return ctx.formParam("ruleset") == null ? "" : ctx.formParam("ruleset");
    }

    private static String user(Context ctx) {
        return BrowserAuth.chrome(ctx).username();
    }

    private void render(Context ctx, String text, String result, String error, int errorLine, String days,
            String notice) {
        SandboxPageModel model = new SandboxPageModel(text, result, error, errorLine, days, notice,
                shadow(rulesets.shadowStatus(DIFFERENCES_SHOWN)), BrowserAuth.session(ctx).may(Role.ADMIN));
        ctx.render("sandbox.jte", Map.of("model", model, "chrome", BrowserAuth.chrome(ctx)));
    }

    private static SandboxPageModel.Shadow shadow(ManageRulesetsUseCase.ShadowStatus status) {
        List<SandboxPageModel.DifferenceRow> rows = new ArrayList<>();
        for (ShadowStore.Difference d : status.differences()) {
            rows.add(new SandboxPageModel.DifferenceRow(Times.shown(d.at()), d.eventId().toString(), d.contactId(),
                    d.activeStage() + " / " + d.activeOwner() + " / fit " + d.activeFit() + ", behavior "
                            + d.activeBehavior(),
                    d.shadowStage() + " / " + d.shadowOwner() + " / fit " + d.shadowFit() + ", behavior "
                            + d.shadowBehavior(),
                    d.firstRule(), d.detail()));
        }
        return new SandboxPageModel.Shadow(shortHash(status.activeVersion()), status.activeLabel().orElse(""),
                status.shadow().map(a -> shortHash(a.version())).orElse(""),
                status.shadow().flatMap(ShadowStore.Attachment::label).orElse(""),
                status.shadow().map(ShadowStore.Attachment::attachedBy).orElse(""),
                status.shadow().map(a -> Times.shown(a.attachedAt())).orElse(""), status.differenceCount(), rows);
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
