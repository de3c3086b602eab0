package dev.orchestrator.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.ManageRulesetsUseCase;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.rules.DryRunPopulations;
import dev.orchestrator.web.rules.RulesJson;
import dev.orchestrator.web.rules.RulesetSyntaxError;
import dev.orchestrator.web.rules.RulesetYamlParser;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /api/rules/dry-run[?days=N]}: a proposed ruleset replayed beside the active one, nothing written.
 * Shadow mode and reload (admin): {@code GET|POST|DELETE /api/rules/shadow}, {@code POST /api/rules/shadow/promote},
 * {@code POST /api/rules/reload}; each change is audited by the use case with who made it.
 */
public final class RulesApi {
    private final DryRunRulesetUseCase dryRuns;
    private final ActiveRuleset active;
    private final RulesetYamlParser parser;
    private final DryRunPopulations populations;
    private final Supplier<OwnerRoster> owners;
    private final ApiAuth auth;
    private final ObjectMapper json;
    private final ManageRulesetsUseCase rulesets;
    private final Supplier<byte[]> activeFile;

    public RulesApi(DryRunRulesetUseCase dryRuns, ActiveRuleset active, RulesetYamlParser parser,
            DryRunPopulations populations, Supplier<OwnerRoster> owners, ApiAuth auth, ObjectMapper json,
            ManageRulesetsUseCase rulesets, Supplier<byte[]> activeFile) {
        this.dryRuns = dryRuns;
        this.active = active;
        this.parser = parser;
        this.populations = populations;
        this.owners = owners;
        this.auth = auth;
        this.json = json;
        this.rulesets = rulesets;
        this.activeFile = activeFile;
    }

    public void dryRun(Context ctx) throws JsonProcessingException {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        Ruleset proposed;
        try {
            proposed = parser.parse(ctx.bodyAsBytes());
        } catch (RulesetSyntaxError e) {
            refuse(ctx, e);
            return;
        }
        int rows = Ids.boundedInt(ctx.queryParam("rows"), "rows", 100, 0, 100_000);
        DryRunPopulations.Population population = population(ctx.queryParam("days"));
        Map<String, Object> body = new LinkedHashMap<>(RulesJson.dryRun(dryRuns.dryRun(new DryRunQuery(
                active.current(), proposed, population.records(), owners.get(), population.asOf(), rows))));
        body.put("population", population.description());
        body.put("asOf", population.asOf().toString());
        ctx.json(body);
    }

    private DryRunPopulations.Population population(String days) {
        if (days == null || days.isBlank()) {
            return populations.sandbox();
        }
        int parsed = Ids.boundedInt(days, "days", 0, 1, dev.orchestrator.application.rules.StoredEventHistories.MAX_DAYS);
        return populations.storedEvents(parsed);
    }

    /** {@code POST /api/rules/reload}: the active file read again; a file that does not parse changes nothing. */
    public void reload(Context ctx) throws JsonProcessingException {
        String actor = actor(ctx, auth.require(ctx, ApiAuth.Role.ADMIN));
        Ruleset next;
        byte[] file = activeFile.get();
        try {
            next = parser.parse(file);
        } catch (RulesetSyntaxError e) {
            refuse(ctx, e);
            return;
        }
        ctx.json(change(rulesets.reload(new ManageRulesetsUseCase.ReloadCommand(next,
                new String(file, StandardCharsets.UTF_8), actor))));
    }

    public void shadow(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        ctx.json(status(rulesets.shadowStatus(Ids.boundedInt(ctx.queryParam("limit"), "limit", 50, 0, 1000))));
    }

    public void attachShadow(Context ctx) throws JsonProcessingException {
        String actor = actor(ctx, auth.require(ctx, ApiAuth.Role.ADMIN));
        Ruleset proposed;
        try {
            proposed = parser.parse(ctx.bodyAsBytes());
        } catch (RulesetSyntaxError e) {
            refuse(ctx, e);
            return;
        }
        ctx.json(change(rulesets.attachShadow(new ManageRulesetsUseCase.AttachShadowCommand(proposed,
                new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8), actor))));
    }

    public void detachShadow(Context ctx) {
        String actor = actor(ctx, auth.require(ctx, ApiAuth.Role.ADMIN));
        ctx.json(change(rulesets.detachShadow(actor)));
    }

    public void promoteShadow(Context ctx) {
        String actor = actor(ctx, auth.require(ctx, ApiAuth.Role.ADMIN));
        ManageRulesetsUseCase.Change change = rulesets.promoteShadow(actor);
        if (!change.done()) {
            throw new ProblemException(Problem.of("nothing-in-shadow", "Nothing in shadow", 409,
                    "attach a ruleset in shadow (POST /api/rules/shadow) before promoting it"));
        }
        ctx.json(change(change));
    }

    private void refuse(Context ctx, RulesetSyntaxError e) throws JsonProcessingException {
        ctx.status(422).contentType("application/problem+json").result(json.writeValueAsString(RulesJson.problem(e)));
    }

    /**
     * Who called, for the audit trail: API tokens have no user, so the role and a short fingerprint of the token
     * (never the token) tell the callers apart.
     */
    static String actor(Context ctx, ApiAuth.Role role) {
        String header = ctx.header("Authorization");
        String token = header == null ? "" : header.replaceFirst("(?i)^Bearer\\s+", "").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "api-token:" + role.name().toLowerCase(java.util.Locale.ROOT) + ":"
                    + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static Map<String, Object> change(ManageRulesetsUseCase.Change change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("change", change.kind());
        body.put("done", change.done());
        body.put("fromVersion", change.fromVersion().orElse(null));
        body.put("toVersion", change.toVersion().orElse(null));
        body.put("by", change.actor());
        body.put("at", change.at().toString());
        return body;
    }

    public static Map<String, Object> status(ManageRulesetsUseCase.ShadowStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activeVersion", status.activeVersion());
        body.put("activeLabel", status.activeLabel().orElse(null));
        body.put("shadow", status.shadow().map(a -> {
            Map<String, Object> shadow = new LinkedHashMap<>();
            shadow.put("version", a.version());
            shadow.put("label", a.label().orElse(null));
            shadow.put("attachedBy", a.attachedBy());
            shadow.put("attachedAt", a.attachedAt().toString());
            return (Object) shadow;
        }).orElse(null));
        body.put("differenceCount", status.differenceCount());
        List<Object> differences = status.differences().stream().map(RulesApi::difference).toList();
        body.put("differences", differences);
        return body;
    }

    private static Object difference(ShadowStore.Difference d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", d.at().toString());
        body.put("eventId", d.eventId().toString());
        body.put("contactId", d.contactId());
        body.put("active", Map.of("stage", d.activeStage(), "owner", d.activeOwner(), "fit", d.activeFit(),
                "behavior", d.activeBehavior()));
        body.put("shadow", Map.of("stage", d.shadowStage(), "owner", d.shadowOwner(), "fit", d.shadowFit(),
                "behavior", d.shadowBehavior()));
        body.put("firstRule", d.firstRule());
        body.put("detail", d.detail());
        return body;
    }
}
