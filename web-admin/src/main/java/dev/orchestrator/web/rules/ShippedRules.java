package dev.orchestrator.web.rules;

import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The ruleset and sandbox owner directory shipped inside the jar. */
public final class ShippedRules {
    public static final String DEFAULT_RULESET = "/rules/default-ruleset.yaml";
    public static final String SANDBOX_OWNERS = "/rules/sandbox-owners.yaml";

    private ShippedRules() {
    }

    /** The rule fixtures shipped beside the default ruleset (the same files `rules test` runs in CI). */
    public static final List<String> FIXTURES = List.of("deals.yaml", "disqualify.yaml", "mql.yaml", "nurture.yaml",
            "routing.yaml", "scoring.yaml", "sql.yaml", "sla.yaml", "manual-change.yaml");

    public static byte[] fixtureBytes(String name) {
        return resource("/rules/fixtures/" + name);
    }

    public static byte[] defaultRulesetBytes() {
        return resource(DEFAULT_RULESET);
    }

    public static Ruleset defaultRuleset() {
        return new RulesetYamlParser().parse(defaultRulesetBytes());
    }

    public static OwnerRoster sandboxOwners() {
        return new OwnersYamlParser().parse(resource(SANDBOX_OWNERS));
    }

    private static byte[] resource(String path) {
        try (InputStream in = ShippedRules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
