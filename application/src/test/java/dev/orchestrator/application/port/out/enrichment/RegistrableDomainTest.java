package dev.orchestrator.application.port.out.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.shared.DomainViolation;
import org.junit.jupiter.api.Test;

class RegistrableDomainTest {

    @Test
    void a_subdomain_is_reduced_to_the_registrable_domain() {
        assertThat(RegistrableDomain.parse("eu.shop.acme.co.uk").value()).isEqualTo("acme.co.uk");
    }

    @Test
    void a_website_url_is_reduced_to_its_registrable_domain() {
        assertThat(RegistrableDomain.parse("https://WWW.Acme.com:443/pricing?x=1").value()).isEqualTo("acme.com");
    }

    @Test
    void an_email_address_gives_its_domain() {
        assertThat(RegistrableDomain.parse("jane.doe@mail.acme.io").value()).isEqualTo("acme.io");
    }

    @Test
    void a_bare_public_suffix_is_refused() {
        assertThatThrownBy(() -> RegistrableDomain.parse("co.uk")).isInstanceOf(DomainViolation.class);
    }

    @Test
    void a_subdomain_is_not_a_registrable_domain_value() {
        assertThatThrownBy(() -> new RegistrableDomain("www.acme.com")).isInstanceOf(DomainViolation.class);
    }
}
