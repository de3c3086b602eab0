package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.RulesetFiles;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.RulesetSwitch;
import dev.orchestrator.domain.rules.Ruleset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's active ruleset, kept to the one in force on every instance sharing the database: on use, at most
 * every few seconds, the stored ruleset in force is read and, when it is another version, parsed and activated. So a
 * reload or a promotion made through one instance is in force on all of them within {@link #REFRESH} (they kept the
 * ruleset they started with before). A stored ruleset that does not parse here — an instance of an older release
 * during a rolling deploy — leaves the active one in force and is logged once.
 */
public final class FollowedRuleset implements RulesetSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(FollowedRuleset.class);
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final RulesetSwitch local;
    private final RulesetInForce inForce;
    private final RulesetFiles files;
    private final Clock clock;
    private final AtomicReference<Instant> checkedAt = new AtomicReference<>(Instant.MIN);
    private volatile String refused = "";

    public FollowedRuleset(RulesetSwitch local, RulesetInForce inForce, RulesetFiles files, Clock clock) {
        this.local = local;
        this.inForce = inForce;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Ruleset current() {
        follow();
        return local.current();
    }

    @Override
    public Ruleset activate(Ruleset next) {
        return local.activate(next);
    }

    /** One caller at a time reads the store, the others go on with the ruleset they have. */
    private void follow() {
        Instant now = clock.instant();
        Instant last = checkedAt.get();
        if (now.isBefore(last.plus(REFRESH)) || !checkedAt.compareAndSet(last, now)) {
            return;
        }
        try {
            inForce.current()
                    .filter(stored -> !stored.version().equals(local.current().version().hash()))
                    .filter(stored -> !stored.version().equals(refused))
                    .ifPresent(this::adopt);
        } catch (RuntimeException e) {
            // The database is away: the rules in force here stay; the next look may find it back.
            LOG.warn("could not read the ruleset in force; keeping {}: {}", local.current().version().hash(),
                    e.toString());
        }
    }

    private void adopt(RulesetInForce.InForce stored) {
        Ruleset next;
        try {
            next = files.parse(stored.file());
        } catch (RuntimeException e) {
            refused = stored.version();
            LOG.warn("the ruleset in force ({}, put there by {} at {}) does not parse on this instance; keeping {}: {}",
                    stored.version(), stored.changedBy(), stored.changedAt(), local.current().version().hash(),
                    e.toString());
            return;
        }
        Ruleset previous = local.activate(next);
        LOG.info("following the ruleset in force: {} -> {} (put there by {} at {})", previous.version().hash(),
                stored.version(), stored.changedBy(), stored.changedAt());
    }
}
