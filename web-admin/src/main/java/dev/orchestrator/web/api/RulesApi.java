package dev.orchestrator.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.rules.ActiveRulesetHolder;
import dev.orchestrator.web.rules.RulesJson;
import dev.orchestrator.web.rules.RulesetSyntaxError;
import dev.orchestrator.web.rules.RulesetYamlParser;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** {@code POST /api/rules/dry-run}: a proposed ruleset replayed beside the active one, nothing written. */
public final class RulesApi {
    private final DryRunRulesetUseCase dryRuns;
    private final ActiveRulesetHolder active;
    private final RulesetYamlParser parser;
    private final Supplier<List<RecordHistory>> records;
    private final Supplier<OwnerRoster> owners;
    private final ApiAuth auth;
    private final ObjectMapper json;
    private final Supplier<Instant> asOf;

    public RulesApi(DryRunRulesetUseCase dryRuns, ActiveRulesetHolder active, RulesetYamlParser parser,
            Supplier<List<RecordHistory>> records, Supplier<OwnerRoster> owners, ApiAuth auth, ObjectMapper json,
            Supplier<Instant> asOf) {
        this.dryRuns = dryRuns;
        this.active = active;
        this.parser = parser;
        this.records = records;
        this.owners = owners;
        this.auth = auth;
        this.json = json;
        this.asOf = asOf;
    }

    public void dryRun(Context ctx) throws JsonProcessingException {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        Ruleset proposed;
        try {
            proposed = parser.parse(ctx.bodyAsBytes());
        } catch (RulesetSyntaxError e) {
            ctx.status(422).contentType("application/problem+json").result(json.writeValueAsString(RulesJson.problem(e)));
            return;
        }
        int rows = Ids.boundedInt(ctx.queryParam("rows"), "rows", 100, 0, 100_000);
        ctx.json(RulesJson.dryRun(dryRuns.dryRun(new DryRunQuery(active.current(), proposed, records.get(),
                owners.get(), asOf.get(), rows))));
    }
}
