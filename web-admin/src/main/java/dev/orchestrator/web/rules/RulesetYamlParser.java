package dev.orchestrator.web.rules;

import static dev.orchestrator.web.rules.YamlReading.build;
import static dev.orchestrator.web.rules.YamlReading.conditionSet;
import static dev.orchestrator.web.rules.YamlReading.error;
import static dev.orchestrator.web.rules.YamlReading.integer;
import static dev.orchestrator.web.rules.YamlReading.list;
import static dev.orchestrator.web.rules.YamlReading.map;
import static dev.orchestrator.web.rules.YamlReading.scalars;
import static dev.orchestrator.web.rules.YamlReading.text;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.ActionRule;
import dev.orchestrator.domain.rules.ActionSpec;
import dev.orchestrator.domain.rules.Assignment;
import dev.orchestrator.domain.rules.BusinessHours;
import dev.orchestrator.domain.rules.ConditionSet;
import dev.orchestrator.domain.rules.LifecycleRule;
import dev.orchestrator.domain.rules.Pool;
import dev.orchestrator.domain.rules.RoutingRule;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.rules.ScoreKind;
import dev.orchestrator.domain.rules.ScoringRule;
import dev.orchestrator.domain.rules.SlaRule;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a ruleset file (the format of docs/RULES.md) into the domain's {@link Ruleset}. The version is the
 * SHA-256 of the exact bytes, so the same file always has the same version. Anything it cannot use is refused
 * with a {@link RulesetSyntaxError} naming line, column and what was expected.
 */
public final class RulesetYamlParser {
    private static final Set<String> TOP = Set.of("label", "scoring", "lifecycle", "routing", "actions", "pools",
            "fallback_queue", "sla", "business_hours");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Set<String> CONDITION_KEYS = Set.of("when", "all", "any", "not");
    private static final String STAGES = Arrays.stream(LifecycleStage.values()).map(LifecycleStage::key)
            .collect(Collectors.joining(", "));

    public Ruleset parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RulesetSyntaxError(1, 1, "expected a UTF-8 text file");
        }
        return parse(text, version(bytes));
    }

    public Ruleset parse(String text) {
        return parse(text, version(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static RulesetVersion version(byte[] bytes) {
        try {
            return new RulesetVersion(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private Ruleset parse(String text, RulesetVersion version) {
        YamlTree.Node rootNode = YamlTree.read(text);
        YamlTree.MapNode root = map(rootNode, "a ruleset with label, scoring, lifecycle, routing, actions, pools");
        root.allowOnly(TOP, "the ruleset");
        Optional<String> label = root.get("label").map(node -> text(node, "a label"));
        List<ScoringRule> scoring = root.get("scoring").map(this::scoring).orElse(List.of());
        List<LifecycleRule> lifecycle = root.get("lifecycle").map(this::lifecycle).orElse(List.of());
        List<RoutingRule> routing = root.get("routing").map(this::routing).orElse(List.of());
        List<ActionRule> actions = root.get("actions").map(this::actions).orElse(List.of());
        Map<String, Pool> pools = root.get("pools").map(this::pools).orElse(Map.of());
        String fallbackQueue = root.get("fallback_queue").map(node -> text(node, "a queue name"))
                .orElse(Ruleset.DEFAULT_FALLBACK_QUEUE);
        List<SlaRule> sla = root.get("sla").map(this::sla).orElse(List.of());
        BusinessHours hours = root.get("business_hours").map(this::businessHours)
                .orElse(BusinessHours.WEEKDAYS_9_TO_5_UTC);
        return build(rootNode, () -> new Ruleset(label, version, scoring, lifecycle, routing, actions, pools,
                fallbackQueue, sla, hours));
    }

    private List<ScoringRule> scoring(YamlTree.Node node) {
        YamlTree.MapNode sections = map(node, "scoring with 'fit' and/or 'behavior' lists");
        sections.allowOnly(Set.of("fit", "behavior"), "scoring");
        List<ScoringRule> rules = new ArrayList<>();
        for (ScoreKind kind : ScoreKind.values()) {
            Optional<YamlTree.Node> section = sections.get(kind.key());
            if (section.isEmpty()) {
                continue;
            }
            List<YamlTree.Node> items = list(section.get(), kind.key() + " scoring rules").items();
            for (int i = 0; i < items.size(); i++) {
                YamlTree.MapNode item = map(items.get(i), "a scoring rule { when: \"...\", points: N }");
                item.allowOnly(union(CONDITION_KEYS, Set.of("id", "points")), "a scoring rule");
                String id = item.get("id").map(idNode -> text(idNode, "a rule id")).orElse(kind.key() + "-" + (i + 1));
                int points = integer(item.require("points", "the points this rule adds"), "points");
                ConditionSet when = requireConditions(item, "a scoring rule");
                rules.add(build(item, () -> new ScoringRule(id, kind, when, points)));
            }
        }
        return rules;
    }

    private List<LifecycleRule> lifecycle(YamlTree.Node node) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (YamlTree.Node itemNode : list(node, "lifecycle transitions").items()) {
            YamlTree.MapNode item = map(itemNode, "a transition { id, from, to, all/any/not }");
            item.allowOnly(union(CONDITION_KEYS, Set.of("id", "from", "to", "reason")), "a lifecycle transition");
            String id = text(item.require("id", "the rule id"), "a rule id");
            Set<LifecycleStage> from = EnumSet.noneOf(LifecycleStage.class);
            for (YamlTree.Scalar stage : scalars(item.require("from", "the stages this rule leaves"), "a stage")) {
                from.add(stage(stage));
            }
            LifecycleStage to = stage(item.require("to", "the stage this rule enters"));
            Optional<String> reason = item.get("reason").map(reasonNode -> text(reasonNode, "a reason code"));
            ConditionSet when = requireConditions(item, "a lifecycle transition");
            rules.add(build(item, () -> new LifecycleRule(id, from, to, when, reason)));
        }
        return rules;
    }

    private List<RoutingRule> routing(YamlTree.Node node) {
        List<RoutingRule> rules = new ArrayList<>();
        for (YamlTree.Node itemNode : list(node, "routing rules").items()) {
            YamlTree.MapNode item = map(itemNode, "a routing rule { id, all/any/not, assign }");
            item.allowOnly(union(CONDITION_KEYS, Set.of("id", "assign")), "a routing rule");
            String id = text(item.require("id", "the rule id"), "a rule id");
            ConditionSet when = YamlReading.conditionSet(item);
            Assignment assignment = assignment(item.require("assign", "pool, queue or account_owner"));
            rules.add(build(item, () -> new RoutingRule(id, when, assignment)));
        }
        return rules;
    }

    private Assignment assignment(YamlTree.Node node) {
        YamlTree.MapNode assign = map(node, "{ pool: NAME, strategy: round-robin, cap_open_leads: N }, "
                + "{ queue: NAME } or { account_owner: true }");
        assign.allowOnly(Set.of("pool", "strategy", "cap_open_leads", "queue", "account_owner"), "assign");
        int kinds = (assign.get("pool").isPresent() ? 1 : 0) + (assign.get("queue").isPresent() ? 1 : 0)
                + (assign.get("account_owner").isPresent() ? 1 : 0);
        if (kinds != 1) {
            throw error(node, "exactly one of pool, queue or account_owner in assign");
        }
        if (assign.get("queue").isPresent()) {
            if (assign.get("strategy").isPresent() || assign.get("cap_open_leads").isPresent()) {
                throw error(node, "no strategy or cap_open_leads beside a queue");
            }
            String queue = text(assign.get("queue").get(), "a queue name");
            return build(node, () -> new Assignment.ToQueue(queue));
        }
        if (assign.get("account_owner").isPresent()) {
            YamlTree.Node flagNode = assign.get("account_owner").get();
            if (!YamlReading.flag(flagNode, "account_owner: true")) {
                throw error(flagNode, "account_owner: true");
            }
            return new Assignment.ToAccountOwner();
        }
        String pool = text(assign.get("pool").get(), "a pool name");
        Assignment.Strategy strategy = Assignment.Strategy.ROUND_ROBIN;
        if (assign.get("strategy").isPresent()) {
            YamlTree.Node strategyNode = assign.get("strategy").get();
            String key = text(strategyNode, "a strategy");
            strategy = Arrays.stream(Assignment.Strategy.values()).filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> error(strategyNode, "round-robin or least-open-leads"));
        }
        OptionalInt cap = assign.get("cap_open_leads")
                .map(capNode -> OptionalInt.of(integer(capNode, "a cap of open leads"))).orElse(OptionalInt.empty());
        Assignment.Strategy chosen = strategy;
        return build(node, () -> new Assignment.ToPool(pool, chosen, cap));
    }

    private List<ActionRule> actions(YamlTree.Node node) {
        List<ActionRule> rules = new ArrayList<>();
        List<YamlTree.Node> items = list(node, "action rules").items();
        for (int i = 0; i < items.size(); i++) {
            YamlTree.MapNode item = map(items.get(i), "an action rule { on: { to: STAGE }, do: [...] }");
            item.allowOnly(union(CONDITION_KEYS, Set.of("id", "on", "do")), "an action rule");
            String id = item.get("id").map(idNode -> text(idNode, "a rule id")).orElse("action-" + (i + 1));
            YamlTree.MapNode on = map(item.require("on", "the transition that triggers it"),
                    "on: { to: STAGE, from: [STAGES], rule: RULE_ID }");
            on.allowOnly(Set.of("to", "from", "rule"), "on");
            Optional<LifecycleStage> to = on.get("to").map(this::stage);
            Set<LifecycleStage> from = EnumSet.noneOf(LifecycleStage.class);
            on.get("from").ifPresent(fromNode -> scalars(fromNode, "a stage").forEach(s -> from.add(stage(s))));
            Optional<String> rule = on.get("rule").map(ruleNode -> text(ruleNode, "a lifecycle rule id"));
            ConditionSet when = conditionSet(item);
            List<ActionSpec> specs = new ArrayList<>();
            for (YamlTree.Node specNode : list(item.require("do", "the actions to take"), "actions").items()) {
                specs.add(action(specNode));
            }
            rules.add(build(item, () -> new ActionRule(id, to, from, rule, when, specs)));
        }
        return rules;
    }

    /** {@code { slack: "#sales-alerts", template: sql-handoff }}: the first key is the action and its target. */
    private ActionSpec action(YamlTree.Node node) {
        YamlTree.MapNode spec = map(node, "an action such as { slack: \"#channel\", template: NAME }");
        if (spec.entries().isEmpty()) {
            throw error(node, "an action such as { slack: \"#channel\" }");
        }
        List<YamlTree.Entry> entries = new ArrayList<>(spec.entries().values());
        YamlTree.Entry first = entries.get(0);
        String target = text(first.value(), "the target of " + first.key());
        Map<String, String> params = new LinkedHashMap<>();
        for (YamlTree.Entry entry : entries.subList(1, entries.size())) {
            params.put(entry.key(), text(entry.value(), "a value for " + entry.key()));
        }
        return build(node, () -> new ActionSpec(first.key(), target, params));
    }

    private Map<String, Pool> pools(YamlTree.Node node) {
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (YamlTree.Entry entry : map(node, "pools by name").entries().values()) {
            YamlTree.MapNode pool = map(entry.value(), "a pool { owners: [...], cap_open_leads, overflow, "
                    + "fallback_queue }");
            pool.allowOnly(Set.of("owners", "cap_open_leads", "overflow", "fallback_queue"), "a pool");
            List<String> owners = list(pool.require("owners", "the owner ids taking turns"), "owner ids").items()
                    .stream().map(owner -> text(owner, "an owner id")).toList();
            OptionalInt cap = pool.get("cap_open_leads").map(capNode -> OptionalInt.of(integer(capNode,
                    "a cap of open leads"))).orElse(OptionalInt.empty());
            Optional<String> overflow = pool.get("overflow").map(overflowNode -> text(overflowNode, "a pool name"));
            Optional<String> queue = pool.get("fallback_queue").map(queueNode -> text(queueNode, "a queue name"));
            pools.put(entry.key(), build(entry.value(), () -> new Pool(entry.key(), owners, cap, overflow, queue)));
        }
        for (YamlTree.Entry entry : map(node, "pools by name").entries().values()) {
            Optional<YamlTree.Node> overflow = map(entry.value(), "a pool").get("overflow");
            if (overflow.isPresent() && !pools.containsKey(text(overflow.get(), "a pool name"))) {
                throw error(overflow.get(), "the name of a pool defined here (" + String.join(", ", pools.keySet())
                        + ")");
            }
        }
        return pools;
    }

    private List<SlaRule> sla(YamlTree.Node node) {
        List<SlaRule> rules = new ArrayList<>();
        for (YamlTree.Node itemNode : list(node, "SLA rules").items()) {
            YamlTree.MapNode item = map(itemNode, "an SLA rule { id, stage, within_business_hours, alert, reassign }");
            item.allowOnly(Set.of("id", "stage", "within_business_hours", "alert", "reassign"), "an SLA rule");
            String id = text(item.require("id", "the rule id"), "a rule id");
            LifecycleStage stage = stage(item.require("stage", "the stage whose first touch is timed"));
            YamlTree.Node hoursNode = item.require("within_business_hours", "the business hours allowed");
            int hours = integer(hoursNode, "a whole number of business hours");
            if (hours <= 0) {
                throw error(hoursNode, "a positive number of business hours");
            }
            Optional<String> alert = item.get("alert").map(alertNode -> text(alertNode, "an alert channel"));
            // reassign: false makes an alert-only timer; left out, the owner who missed it loses the record.
            boolean reassign = item.get("reassign").map(flag -> YamlReading.flag(flag, "reassign")).orElse(true);
            rules.add(build(item, () -> new SlaRule(id, stage, Duration.ofHours(hours), alert, reassign)));
        }
        return rules;
    }

    private BusinessHours businessHours(YamlTree.Node node) {
        YamlTree.MapNode hours = map(node, "business_hours { zone, opens, closes, days }");
        hours.allowOnly(Set.of("zone", "opens", "closes", "days"), "business_hours");
        BusinessHours defaults = BusinessHours.WEEKDAYS_9_TO_5_UTC;
        ZoneId zone = hours.get("zone").map(zoneNode -> {
            try {
                return ZoneId.of(text(zoneNode, "a time zone"));
            } catch (java.time.DateTimeException e) {
                throw error(zoneNode, "a time zone such as Europe/Berlin or UTC");
            }
        }).orElse(defaults.zone());
        LocalTime opens = hours.get("opens").map(this::time).orElse(defaults.opens());
        LocalTime closes = hours.get("closes").map(this::time).orElse(defaults.closes());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        hours.get("days").ifPresentOrElse(daysNode -> scalars(daysNode, "a day").forEach(day -> {
            DayOfWeek parsed = DAYS.get(day.text().trim().toLowerCase(java.util.Locale.ROOT));
            if (parsed == null) {
                throw error(day, "a day (mon, tue, wed, thu, fri, sat, sun)");
            }
            days.add(parsed);
        }), () -> days.addAll(defaults.days()));
        return build(node, () -> new BusinessHours(zone, opens, closes, days));
    }

    private LocalTime time(YamlTree.Node node) {
        String text = text(node, "a time of day such as \"09:00\"");
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw error(node, "a time of day such as \"09:00\"");
        }
    }

    private ConditionSet requireConditions(YamlTree.MapNode item, String what) {
        ConditionSet set = conditionSet(item);
        if (set.isEmpty()) {
            throw new RulesetSyntaxError(item.mark().line(), item.mark().column(),
                    "expected 'when', 'all', 'any' or 'not' conditions in " + what);
        }
        return set;
    }

    private LifecycleStage stage(YamlTree.Node node) {
        String key = text(node, "a lifecycle stage (" + STAGES + ")");
        return Arrays.stream(LifecycleStage.values()).filter(stage -> stage.key().equals(key)).findFirst()
                .orElseThrow(() -> error(node, "a lifecycle stage (" + STAGES + ")"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
