package dev.orchestrator.application.service;

import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.RulesetFiles;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesetVersion;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowedRulesetTest {
    private static final Ruleset STARTED_WITH = aRuleset().withVersion(new RulesetVersion("a".repeat(64))).build();
    private static final Ruleset PROMOTED = aRuleset().withVersion(new RulesetVersion("b".repeat(64))).build();
    /** The files this instance's parser reads: any other text is a syntax it does not know. */
    private static final RulesetFiles FILES = file -> switch (file) {
        case "started-with" -> STARTED_WITH;
        case "promoted" -> PROMOTED;
        default -> throw new IllegalArgumentException("line 1: unknown key '" + file + "'");
    };

    private final MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");
    private final ShadowRulesetServiceTest.InMemoryRulesetInForce inForce =
            new ShadowRulesetServiceTest.InMemoryRulesetInForce();
    private final ShadowRulesetServiceTest.Switch local = new ShadowRulesetServiceTest.Switch(STARTED_WITH);
    private final FollowedRuleset rules = new FollowedRuleset(local, inForce, FILES, clock);

    private void putInForceElsewhere(String file, Ruleset ruleset) {
        inForce.put(new RulesetInForce.InForce(file, ruleset.version().hash(), Optional.empty(),
                STARTED_WITH.version().hash(), "grace", clock.instant()));
    }

    private void later() {
        clock.advance(FollowedRuleset.REFRESH.plus(Duration.ofSeconds(1)));
    }

    @Test
    void a_ruleset_put_in_force_by_another_instance_is_followed_once_the_store_is_read_again() {
        rules.current();
        putInForceElsewhere("promoted", PROMOTED);

        later();

        assertThat(rules.current()).isSameAs(PROMOTED);
    }

    @Test
    void the_store_is_read_at_most_once_in_the_refresh_interval() {
        rules.current();
        putInForceElsewhere("promoted", PROMOTED);

        clock.advance(FollowedRuleset.REFRESH.minus(Duration.ofSeconds(1)));

        assertThat(rules.current()).isSameAs(STARTED_WITH);
    }

    @Test
    void a_ruleset_in_force_that_does_not_parse_here_leaves_the_active_one_in_force() {
        putInForceElsewhere("label: from a newer release", PROMOTED);

        assertThat(rules.current()).isSameAs(STARTED_WITH);
        later();
        assertThat(rules.current()).isSameAs(STARTED_WITH);
    }

    @Test
    void a_store_that_cannot_be_read_leaves_the_active_one_in_force() {
        inForce.failing = true;

        assertThat(rules.current()).isSameAs(STARTED_WITH);
    }

    @Test
    void activating_here_changes_this_instance_only_until_the_store_is_read_again() {
        putInForceElsewhere("started-with", STARTED_WITH);
        rules.current();

        rules.activate(PROMOTED);
        assertThat(rules.current()).isSameAs(PROMOTED);

        later();
        assertThat(rules.current()).isSameAs(STARTED_WITH);
    }
}
