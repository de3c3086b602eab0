package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.EmailAddress;
import java.time.Instant;
import java.util.List;

/** Who the stored events of a period were about: the input of a dry run over live data. */
@FunctionalInterface
public interface RecentEvents {
    /** The emails of the stored events received at or after {@code since}, oldest first, at most {@code limit}. */
    List<EmailAddress> emailsSince(Instant since, int limit);
}
