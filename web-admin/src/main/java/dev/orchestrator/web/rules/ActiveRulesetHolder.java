package dev.orchestrator.web.rules;

import dev.orchestrator.application.port.out.RulesetSwitch;
import dev.orchestrator.domain.rules.Ruleset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active ruleset, replaced atomically on reload. A file that does not parse leaves the active one in force:
 * {@link #reload} throws the {@link RulesetSyntaxError} and changes nothing. Auditing who reloaded which version
 * is the caller's (the admin endpoint's) job, with the two versions this returns.
 */
public final class ActiveRulesetHolder implements RulesetSwitch {
    private final RulesetYamlParser parser;
    private final AtomicReference<Ruleset> active;

    public ActiveRulesetHolder(RulesetYamlParser parser, Ruleset initial) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.active = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public Ruleset current() {
        return active.get();
    }

    /** Parses and activates the file; returns the previous and the new ruleset. */
    public Reload reload(byte[] file) {
        Ruleset next = parser.parse(file);
        Ruleset previous = active.getAndSet(next);
        return new Reload(previous, next);
    }

    /** Activates an already parsed ruleset (a promoted shadow ruleset); answers the one it replaced. */
    @Override
    public Ruleset activate(Ruleset next) {
        return active.getAndSet(Objects.requireNonNull(next, "next"));
    }

    public record Reload(Ruleset previous, Ruleset current) {
        public boolean changed() {
            return !previous.version().equals(current.version());
        }
    }
}
