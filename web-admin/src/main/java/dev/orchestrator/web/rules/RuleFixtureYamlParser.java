package dev.orchestrator.web.rules;

import static dev.orchestrator.web.rules.YamlReading.build;
import static dev.orchestrator.web.rules.YamlReading.error;
import static dev.orchestrator.web.rules.YamlReading.integer;
import static dev.orchestrator.web.rules.YamlReading.list;
import static dev.orchestrator.web.rules.YamlReading.map;
import static dev.orchestrator.web.rules.YamlReading.text;

import dev.orchestrator.application.rules.FixtureExpectation;
import dev.orchestrator.application.rules.FixtureScenario;
import dev.orchestrator.application.rules.RuleFixture;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads rule fixture files (format in docs/RULES.md): one fixture per file, or several under {@code fixtures:}.
 * Signals may be given at an instant ({@code at}) or relative to the fixture's {@code now} ({@code days_ago}).
 */
public final class RuleFixtureYamlParser {
    private static final Set<String> FIXTURE_KEYS = Set.of("name", "description", "now", "given", "expect");
    private static final Set<String> GIVEN_KEYS = Set.of("stage", "record", "company", "deal", "ai", "signals",
            "owner", "owners", "round_robin", "last_activity", "last_activity_days_ago", "sla_timer", "crm_change");
    private static final Set<String> EXPECT_KEYS = Set.of("stage", "owner", "queue", "score", "transitions",
            "routing_rule", "actions", "sla_breach", "crm_change");

    /** {@code directory} resolves {@code given.owner: ID} to its state, so a fixture can name an owner by id. */
    public List<RuleFixture> parse(String source, byte[] bytes, OwnerRoster directory) {
        YamlTree.MapNode root = map(YamlTree.read(new String(bytes, StandardCharsets.UTF_8)),
                "a fixture { name, now, given, expect } or { fixtures: [...] }");
        List<RuleFixture> fixtures = new ArrayList<>();
        if (root.get("fixtures").isPresent()) {
            root.allowOnly(Set.of("fixtures"), "a fixture file");
            for (YamlTree.Node item : list(root.get("fixtures").get(), "fixtures").items()) {
                fixtures.add(fixture(source, map(item, "a fixture { name, now, given, expect }"), directory));
            }
        } else {
            fixtures.add(fixture(source, root, directory));
        }
        return fixtures;
    }

    private RuleFixture fixture(String source, YamlTree.MapNode node, OwnerRoster directory) {
        node.allowOnly(FIXTURE_KEYS, "a fixture");
        String name = text(node.require("name", "the fixture's name"), "a name");
        Instant now = YamlReading.instant(node.require("now", "the moment of evaluation"), "now");
        YamlTree.MapNode given = map(node.require("given", "the record, company and signals"), "given");
        given.allowOnly(GIVEN_KEYS, "given");

        LifecycleStage stage = given.get("stage").map(RuleFixtureYamlParser::stage).orElse(LifecycleStage.LEAD);
        Map<String, Value> record = fields(given.get("record"), "record");
        Map<String, Value> company = fields(given.get("company"), "company");
        Map<String, Value> deal = fields(given.get("deal"), "deal");
        Map<String, Value> ai = fields(given.get("ai"), "ai");
        List<Signal> signals = given.get("signals").map(signalsNode -> signals(signalsNode, now)).orElse(List.of());
        Optional<OwnerState> owner = given.get("owner").map(ownerNode -> currentOwner(ownerNode, directory));
        Optional<Instant> lastActivity = lastActivity(given, now);
        List<OwnerState> overrides = new ArrayList<>();
        given.get("owners").ifPresent(ownersNode -> {
            for (YamlTree.Node item : list(ownersNode, "owner overrides").items()) {
                String id = text(map(item, "an owner").require("id", "the owner id"), "an owner id");
                overrides.add(OwnersYamlParser.owner(item, directory.find(id).orElse(null)));
            }
        });
        RoundRobinState rotation = given.get("round_robin").map(RuleFixtureYamlParser::rotation)
                .orElse(RoundRobinState.start());
        EvaluationContext context = build(given, () -> new EvaluationContext(record, company, deal, signals, stage,
                0, 0, owner, lastActivity, now));
        EvaluationContext withAi = build(given.get("ai").orElse(given), () -> context.withAi(ai));
        FixtureExpectation expect = expectation(node.require("expect", "what the ruleset should decide"));
        Optional<FixtureScenario> scenario = scenario(given);
        return build(node, () -> new RuleFixture(name, source, withAi, overrides, rotation, expect, scenario));
    }

    /**
     * {@code sla_timer: { stage_entered_at, assigned_at, touched_at }} runs the sweep's SLA check;
     * {@code crm_change: { stage, by: person | system }} a stage change arriving from the CRM.
     */
    private static Optional<FixtureScenario> scenario(YamlTree.MapNode given) {
        if (given.get("sla_timer").isPresent() && given.get("crm_change").isPresent()) {
            throw error(given.get("crm_change").get(), "either sla_timer or crm_change, not both");
        }
        if (given.get("sla_timer").isPresent()) {
            YamlTree.MapNode timer = map(given.get("sla_timer").get(),
                    "sla_timer { stage_entered_at, assigned_at, touched_at }");
            timer.allowOnly(Set.of("stage_entered_at", "assigned_at", "touched_at"), "sla_timer");
            Instant entered = YamlReading.instant(timer.require("stage_entered_at",
                    "when the record entered its stage"), "stage_entered_at");
            Optional<Instant> assigned = timer.get("assigned_at").map(n -> YamlReading.instant(n, "assigned_at"));
            Optional<Instant> touched = timer.get("touched_at").map(n -> YamlReading.instant(n, "touched_at"));
            return Optional.of(new FixtureScenario.SlaTimer(entered, assigned, touched));
        }
        return given.get("crm_change").map(node -> {
            YamlTree.MapNode change = map(node, "crm_change { stage, by: person | system }");
            change.allowOnly(Set.of("stage", "by"), "crm_change");
            LifecycleStage to = stage(change.require("stage", "the stage set in the CRM"));
            YamlTree.Node byNode = change.require("by", "who changed it: person or system");
            String by = text(byNode, "person or system");
            if (!by.equals("person") && !by.equals("system")) {
                throw error(byNode, "person or system");
            }
            return new FixtureScenario.CrmStageChange(to, by.equals("person"));
        });
    }

    private static Optional<Instant> lastActivity(YamlTree.MapNode given, Instant now) {
        if (given.get("last_activity").isPresent() && given.get("last_activity_days_ago").isPresent()) {
            throw error(given.get("last_activity_days_ago").get(), "either last_activity or last_activity_days_ago");
        }
        return given.get("last_activity").map(node -> YamlReading.instant(node, "last_activity"))
                .or(() -> given.get("last_activity_days_ago")
                        .map(node -> now.minus(Duration.ofDays(integer(node, "a number of days")))));
    }

    private static OwnerState currentOwner(YamlTree.Node node, OwnerRoster directory) {
        if (node instanceof YamlTree.MapNode) {
            String id = text(((YamlTree.MapNode) node).require("id", "the owner id"), "an owner id");
            return OwnersYamlParser.owner(node, directory.find(id).orElse(null));
        }
        String id = text(node, "an owner id or { id, active, out_of_office, open_leads }");
        return directory.find(id).orElseGet(() -> OwnerState.available(id));
    }

    private static Map<String, Value> fields(Optional<YamlTree.Node> node, String what) {
        Map<String, Value> fields = new LinkedHashMap<>();
        if (node.isEmpty()) {
            return fields;
        }
        for (YamlTree.Entry entry : map(node.get(), what + " fields").entries().values()) {
            fields.put(entry.key(), YamlReading.value(entry.value(), what + "." + entry.key()));
        }
        return fields;
    }

    private static List<Signal> signals(YamlTree.Node node, Instant now) {
        List<Signal> signals = new ArrayList<>();
        for (YamlTree.Node item : list(node, "signals").items()) {
            YamlTree.MapNode signal = map(item, "a signal { type, at } or { type, days_ago }");
            signal.allowOnly(Set.of("type", "at", "days_ago", "hours_ago"), "a signal");
            String type = text(signal.require("type", "the signal type"), "a signal type");
            int given = (signal.get("at").isPresent() ? 1 : 0) + (signal.get("days_ago").isPresent() ? 1 : 0)
                    + (signal.get("hours_ago").isPresent() ? 1 : 0);
            if (given != 1) {
                throw error(item, "exactly one of at, days_ago or hours_ago");
            }
            Instant at = signal.get("at").map(n -> YamlReading.instant(n, "at"))
                    .or(() -> signal.get("days_ago").map(n -> now.minus(Duration.ofDays(integer(n, "days_ago")))))
                    .orElseGet(() -> now.minus(Duration.ofHours(integer(signal.get("hours_ago").get(), "hours_ago"))));
            signals.add(build(item, () -> new Signal(type, at)));
        }
        return signals;
    }

    private static RoundRobinState rotation(YamlTree.Node node) {
        Map<String, Integer> cursors = new LinkedHashMap<>();
        for (YamlTree.Entry entry : map(node, "round_robin: { POOL: INDEX }").entries().values()) {
            int cursor = integer(entry.value(), "the index of the owner whose turn it is");
            if (cursor < 0) {
                throw error(entry.value(), "an index of 0 or more");
            }
            cursors.put(entry.key(), cursor);
        }
        return new RoundRobinState(cursors);
    }

    private static FixtureExpectation expectation(YamlTree.Node node) {
        YamlTree.MapNode expect = map(node, "expect { stage, owner | queue, score, transitions, routing_rule, actions }");
        expect.allowOnly(EXPECT_KEYS, "expect");
        Optional<LifecycleStage> stage = expect.get("stage").map(RuleFixtureYamlParser::stage);
        Optional<String> owner = expect.get("owner").map(n -> text(n, "an owner id"));
        Optional<String> queue = expect.get("queue").map(n -> text(n, "a queue name"));
        OptionalInt fit = OptionalInt.empty();
        OptionalInt behavior = OptionalInt.empty();
        OptionalInt total = OptionalInt.empty();
        if (expect.get("score").isPresent()) {
            YamlTree.MapNode score = map(expect.get("score").get(), "score { fit, behavior, total }");
            score.allowOnly(Set.of("fit", "behavior", "total"), "score");
            fit = score.get("fit").map(n -> OptionalInt.of(integer(n, "a fit score"))).orElse(OptionalInt.empty());
            behavior = score.get("behavior").map(n -> OptionalInt.of(integer(n, "a behavior score")))
                    .orElse(OptionalInt.empty());
            total = score.get("total").map(n -> OptionalInt.of(integer(n, "a total score")))
                    .orElse(OptionalInt.empty());
        }
        Optional<List<String>> transitions = expect.get("transitions").map(RuleFixtureYamlParser::ids);
        Optional<String> routingRule = expect.get("routing_rule").map(n -> text(n, "a routing rule id"));
        Optional<List<String>> actions = expect.get("actions").map(RuleFixtureYamlParser::ids);
        Optional<String> slaBreach = expect.get("sla_breach").map(n -> text(n, "an SLA rule id, or none"));
        Optional<String> crmChange = expect.get("crm_change").map(n -> {
            String verdict = text(n, "manual, along-rules, illegal or unchanged");
            if (!Set.of("manual", "along-rules", "illegal", "unchanged").contains(verdict)) {
                throw error(n, "manual, along-rules, illegal or unchanged");
            }
            return verdict;
        });
        OptionalInt fitScore = fit;
        OptionalInt behaviorScore = behavior;
        OptionalInt totalScore = total;
        return build(node, () -> new FixtureExpectation(stage, owner, queue, fitScore, behaviorScore, totalScore,
                transitions, routingRule, actions, slaBreach, crmChange));
    }

    /** A list of rule ids; an empty list ({@code []}) expects none. */
    private static List<String> ids(YamlTree.Node node) {
        return list(node, "a list of rule ids").items().stream().map(item -> text(item, "a rule id")).toList();
    }

    private static LifecycleStage stage(YamlTree.Node node) {
        String key = text(node, "a lifecycle stage");
        return Arrays.stream(LifecycleStage.values()).filter(stage -> stage.key().equals(key)).findFirst()
                .orElseThrow(() -> error(node, "a lifecycle stage (subscriber, lead, mql, sql, opportunity, customer, "
                        + "nurture, disqualified)"));
    }
}
