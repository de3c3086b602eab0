package dev.orchestrator.web.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code rules dry-run PROPOSED.yaml [--active FILE] [--json]}: the same report as {@code POST /api/rules/dry-run},
 * printed as a readable table or as that JSON. The caller supplies the population (sandbox records, or stored
 * events of the last N days) and both rulesets; a proposed file that does not parse prints its line and column.
 */
public final class RulesDryRunCommand {
    private final DryRunRulesetUseCase dryRuns;
    private final RulesetYamlParser parser;
    private final ObjectMapper json;

    public RulesDryRunCommand(DryRunRulesetUseCase dryRuns, RulesetYamlParser parser, ObjectMapper json) {
        this.dryRuns = dryRuns;
        this.parser = parser;
        this.json = json;
    }

    /** Returns the exit code: 0 after a report, 2 when the proposed file is refused. */
    public int run(Ruleset active, byte[] proposedFile, List<RecordHistory> records, OwnerRoster owners, Instant asOf,
            boolean asJson, PrintStream out) {
        Ruleset proposed;
        try {
            proposed = parser.parse(proposedFile);
        } catch (RulesetSyntaxError e) {
            out.println("proposed ruleset refused: " + e.getMessage());
            return 2;
        }
        DryRunReport report = dryRuns.dryRun(new DryRunQuery(active, proposed, records, owners, asOf,
                asJson ? Integer.MAX_VALUE : 20));
        if (asJson) {
            try {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(RulesJson.dryRun(report)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the dry-run report is plain maps and lists", e);
            }
        } else {
            out.print(table(report));
        }
        return 0;
    }

    /** The report as text: totals, the stage matrix, then the first changed records with where they part. */
    public static String table(DryRunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("active   ").append(report.activeVersion().shortHash()).append('\n');
        out.append("proposed ").append(report.proposedVersion().shortHash()).append('\n');
        out.append(String.format("%,d records: %,d change stage, %,d change owner, %,d change score%n",
                report.records(), report.changed().stage(), report.changed().owner(), report.changed().score()));
        out.append("\nfinal stage, active (rows) x proposed (columns)\n");
        out.append(String.format("%-14s", ""));
        for (LifecycleStage to : LifecycleStage.values()) {
            out.append(String.format("%13s", to.key()));
        }
        out.append('\n');
        for (Map.Entry<LifecycleStage, Map<LifecycleStage, Integer>> row : report.stageMatrix().entrySet()) {
            out.append(String.format("%-14s", row.getKey().key()));
            for (LifecycleStage to : LifecycleStage.values()) {
                out.append(String.format("%13s", row.getValue().getOrDefault(to, 0) == 0 ? "."
                        : String.format("%,d", row.getValue().get(to))));
            }
            out.append('\n');
        }
        if (!report.rows().isEmpty()) {
            out.append("\nchanged records (first ").append(report.rows().size()).append(")\n");
        }
        for (DryRunReport.Row row : report.rows()) {
            out.append(String.format("%-14s %-13s -> %-13s %-16s -> %-16s fit %d->%d behavior %d->%d%n",
                    row.recordId(), row.active().stage().key(), row.proposed().stage().key(), row.active().owner(),
                    row.proposed().owner(), row.active().fit(), row.proposed().fit(), row.active().behavior(),
                    row.proposed().behavior()));
            row.firstDifference().ifPresent(difference -> out.append("               first difference: rule ")
                    .append(difference.ruleId()).append(difference.condition().map(c -> ", condition " + c).orElse(""))
                    .append(" (active: ").append(difference.active().map(s -> s.outcome()).orElse("nothing"))
                    .append(", proposed: ").append(difference.proposed().map(s -> s.outcome()).orElse("nothing"))
                    .append(")\n"));
        }
        if (report.rowsOmitted() > 0) {
            out.append(String.format("... and %,d more changed records (--json lists them all)%n",
                    report.rowsOmitted()));
        }
        return out.toString();
    }
}
