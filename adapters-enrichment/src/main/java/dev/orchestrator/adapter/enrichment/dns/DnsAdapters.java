package dev.orchestrator.adapter.enrichment.dns;

import dev.orchestrator.application.port.out.MailDeliverability;
import java.time.Duration;

/** The DNS adapter's one public door: a mail-domain check over the JDK's JNDI DNS provider. */
public final class DnsAdapters {
    private DnsAdapters() {
    }

    /** MX lookups with this timeout per try (two tries); {@code UNKNOWN} on a timeout or a resolver error. */
    public static MailDeliverability mxDeliverability(Duration timeout) {
        return new JndiMxDeliverability(timeout, 2);
    }
}
