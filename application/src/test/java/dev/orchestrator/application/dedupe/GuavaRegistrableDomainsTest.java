package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.dedupe.DomainKey;
import org.junit.jupiter.api.Test;

class GuavaRegistrableDomainsTest {
    private final GuavaRegistrableDomains domains = new GuavaRegistrableDomains();

    @Test
    void a_url_in_any_form_gives_its_registrable_domain_and_label() {
        assertThat(domains.keyOf("HTTPS://WWW.Acme.co.uk/en-us/contact?x=1"))
                .contains(new DomainKey("acme.co.uk", "acme"));
        assertThat(domains.keyOf("shop.acme.com.mx")).contains(new DomainKey("acme.com.mx", "acme"));
    }

    @Test
    void an_e_mail_address_gives_the_domain_after_the_at_sign() {
        assertThat(domains.keyOf("jane@mail.acme.com")).contains(new DomainKey("acme.com", "acme"));
    }

    @Test
    void what_is_not_a_domain_gives_nothing() {
        assertThat(domains.keyOf("not a domain")).isEmpty();
        assertThat(domains.keyOf("co.uk")).isEmpty();
        assertThat(domains.keyOf("")).isEmpty();
    }
}
