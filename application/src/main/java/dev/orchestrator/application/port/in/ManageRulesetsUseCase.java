package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Changing which rules are in force, each change audited with who, when and the versions from and to: reload the
 * active file, attach a proposed ruleset in shadow, detach it (demotion), promote it to active. Also answers what
 * is in shadow and the differences it would have made.
 */
public interface ManageRulesetsUseCase {
    Change reload(ReloadCommand command);

    Change attachShadow(AttachShadowCommand command);

    /** Demotion: the ruleset in shadow is detached and no longer evaluated. */
    Change detachShadow(String actor);

    /** The ruleset in shadow becomes the active one and leaves shadow; nothing is in shadow afterwards. */
    Change promoteShadow(String actor);

    ShadowStatus shadowStatus(int differences);

    /** {@code next}: the active file as read again; {@code file}: its text, which the other instances parse too. */
    record ReloadCommand(Ruleset next, String file, String actor) {
        public ReloadCommand {
            Require.present("next", next);
            Require.notBlank("file", file);
            Require.notBlank("actor", actor);
        }
    }

    /** {@code ruleset}: {@code file} as parsed at the edge; the file is kept so every instance can read it. */
    record AttachShadowCommand(Ruleset ruleset, String file, String actor) {
        public AttachShadowCommand {
            Require.present("ruleset", ruleset);
            Require.notBlank("file", file);
            Require.notBlank("actor", actor);
        }
    }

    /**
     * What a change did: {@code kind} is {@code reload}, {@code shadow-attached}, {@code shadow-detached} or
     * {@code shadow-promoted} ({@code deployed} is only audited, when an instance starts with another file); {@code done} is false when there was nothing to do (no ruleset in shadow).
     */
    record Change(String kind, boolean done, Optional<String> fromVersion, Optional<String> toVersion, String actor,
            Instant at) {
    }

    /** The active version, the ruleset in shadow if any, how many differences it has recorded, the latest ones. */
    record ShadowStatus(String activeVersion, Optional<String> activeLabel, Optional<ShadowStore.Attachment> shadow,
            int differenceCount, List<ShadowStore.Difference> differences) {
        public ShadowStatus {
            differences = List.copyOf(differences);
        }
    }
}
