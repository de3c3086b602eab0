package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.FixtureReport;
import dev.orchestrator.application.rules.RuleFixture;
import dev.orchestrator.application.rules.RuleFixtureRunner;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.auth.BrowserAuth;
import dev.orchestrator.web.rules.RuleFixtureYamlParser;
import dev.orchestrator.web.rules.RulesDryRunCommand;
import dev.orchestrator.web.rules.RulesetSyntaxError;
import dev.orchestrator.web.rules.RulesetYamlParser;
import dev.orchestrator.web.rules.ShippedRules;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /sandbox}: edit a copy of the active ruleset, dry-run it over the seeded sandbox data beside the active
 * one (nothing is written anywhere), or run the shipped rule fixtures against it. A file that does not parse is
 * shown with its line, column and what was expected.
 */
public final class SandboxPage {
    private final Supplier<String> activeFile;
    private final Supplier<Ruleset> active;
    private final DryRunRulesetUseCase dryRuns;
    private final Supplier<List<RecordHistory>> records;
    private final Supplier<Instant> asOf;
    private final Supplier<OwnerRoster> owners;
    private final RulesetYamlParser parser = new RulesetYamlParser();

    public SandboxPage(Supplier<String> activeFile, Supplier<Ruleset> active, DryRunRulesetUseCase dryRuns,
            Supplier<List<RecordHistory>> records, Supplier<Instant> asOf, Supplier<OwnerRoster> owners) {
        this.activeFile = activeFile;
        this.active = active;
        this.dryRuns = dryRuns;
        this.records = records;
        this.asOf = asOf;
        this.owners = owners;
    }

    public void show(Context ctx) {
        render(ctx, new SandboxPageModel(activeFile.get(), "", "", 0));
    }

    public void run(Context ctx) {
        String text = ctx.formParam("ruleset") == null ? "" : ctx.formParam("ruleset");
        Ruleset proposed;
        try {
            proposed = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (RulesetSyntaxError e) {
            render(ctx, new SandboxPageModel(text, "", e.getMessage(), e.line()));
            return;
        }
        String result = "test".equals(ctx.formParam("action")) ? fixtures(proposed) : dryRun(proposed);
        render(ctx, new SandboxPageModel(text, result, "", 0));
    }

    private String dryRun(Ruleset proposed) {
        return RulesDryRunCommand.table(dryRuns.dryRun(new DryRunQuery(active.get(), proposed, records.get(),
                owners.get(), asOf.get(), 50)));
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

    private static void render(Context ctx, SandboxPageModel model) {
        ctx.render("sandbox.jte", Map.of("model", model, "chrome", BrowserAuth.chrome(ctx)));
    }
}
