package dev.orchestrator.adapter.persistence.rules;

import dev.orchestrator.application.port.out.RecentEvents;
import dev.orchestrator.domain.crm.EmailAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads only: a dry run over stored events writes nothing. */
final class JdbiRecentEvents implements RecentEvents {
    private final Jdbi jdbi;

    JdbiRecentEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<EmailAddress> emailsSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select email from raw_events where received_at >= :since and email is not null
                        group by email order by min(received_at), email limit :limit""")
                .bind("since", Timestamp.from(since))
                .bind("limit", limit)
                .mapTo(String.class)
                .list())
                .stream().flatMap(JdbiRecentEvents::parsed).toList();
    }

    /** An erased person's events carry a pseudonym, not an address: they have no history left to replay. */
    private static java.util.stream.Stream<EmailAddress> parsed(String email) {
        try {
            return java.util.stream.Stream.of(EmailAddress.parse(email));
        } catch (dev.orchestrator.domain.shared.DomainViolation e) {
            return java.util.stream.Stream.empty();
        }
    }
}
