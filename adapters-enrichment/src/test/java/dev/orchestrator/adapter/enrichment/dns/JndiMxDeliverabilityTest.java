package dev.orchestrator.adapter.enrichment.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.MailDeliverability;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of MX answers; no test here queries real DNS, so the suite stays offline. */
class JndiMxDeliverabilityTest {

    @Test
    void aDomainWithAMailServerIsNotRefusing() {
        assertThat(JndiMxDeliverability.onlyNullMx(List.of("10 mx1.acme.com.", "20 mx2.acme.com."))).isFalse();
    }

    @Test
    void aNullMxAloneMeansTheDomainRefusesMail() {
        assertThat(JndiMxDeliverability.onlyNullMx(List.of("0 ."))).isTrue();
    }

    @Test
    void aNullMxBesideARealOneIsNotARefusal() {
        assertThat(JndiMxDeliverability.onlyNullMx(List.of("0 .", "10 mx.acme.com."))).isFalse();
    }

    @Test
    void aBlankDomainIsUnknownWithoutALookup() {
        assertThat(DnsAdapters.mxDeliverability(Duration.ofMillis(10)).check("  "))
                .isEqualTo(MailDeliverability.Verdict.UNKNOWN);
    }
}
