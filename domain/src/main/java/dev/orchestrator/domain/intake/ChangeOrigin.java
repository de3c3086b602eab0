package dev.orchestrator.domain.intake;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a change in the CRM, as the CRM's webhook reports it: HubSpot's {@code changeSource} (CRM_UI,
 * INTEGRATION, WORKFLOWS, IMPORT...) and {@code sourceId} ({@code userId:123} for a person, an app id for an
 * integration). A person's change is respected; anyone else's must follow the rules.
 */
public record ChangeOrigin(String changeSource, Optional<String> sourceId) {
    /** The sources that are a person working in the CRM's own screens. */
    private static final Set<String> PERSON_SOURCES = Set.of("CRM_UI", "CRM_UI_BULK_ACTION", "MOBILE_IOS",
            "MOBILE_ANDROID", "CRM", "SALES", "CONTACTS_WEB");
    private static final String USER_PREFIX = "userId:";

    public ChangeOrigin {
        Require.notBlank("changeSource", changeSource);
        changeSource = changeSource.strip().toUpperCase(Locale.ROOT);
        Require.present("sourceId", sourceId);
    }

    public static ChangeOrigin unknown() {
        return new ChangeOrigin("UNKNOWN", Optional.empty());
    }

    /** A change a person made: a person's source, or any source naming the user who acted. */
    public boolean byPerson() {
        return PERSON_SOURCES.contains(changeSource) || userId().isPresent();
    }

    public Optional<String> userId() {
        return sourceId.filter(id -> id.startsWith(USER_PREFIX)).map(id -> id.substring(USER_PREFIX.length()))
                .filter(id -> !id.isBlank());
    }

    /** The actor name audit events carry: {@code hubspot-user:123}, or the source for a system. */
    public String actorName(String crm) {
        return userId().map(id -> crm + "-user:" + id)
                .orElse(crm + ":" + changeSource.toLowerCase(Locale.ROOT) + sourceId.map(id -> ":" + id).orElse(""));
    }
}
