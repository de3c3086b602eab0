package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import org.junit.jupiter.api.Test;

class MatchRecordFactoryTest {
    private final MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());

    @Test
    void phones_written_in_different_ways_get_the_same_key() {
        assertThat(phoneOf("(502) 555-0198 x232", "US")).isEqualTo(phoneOf("+1 502 555 0198", ""));
        assertThat(phoneOf("02 5550 7915", "AU")).isEqualTo(phoneOf("+61255507915", ""));
        assertThat(phoneOf("051-825-6264", "South Korea")).isEqualTo(phoneOf("+82-51-825-6264", ""));
    }

    @Test
    void a_phone_without_a_known_country_keeps_its_digits() {
        assertThat(phoneOf("412.555.0195", "")).isEqualTo("4125550195");
    }

    @Test
    void company_domains_come_from_domain_website_and_work_e_mail_but_not_free_mail() {
        MatchRecord r = factory.toMatchRecord(record("Acme", "acme.com", "https://www.acme.co.uk/", "jo@gmail.com", ""));

        assertThat(r.domains()).extracting(DomainKey::registrable).containsExactlyInAnyOrder("acme.com", "acme.co.uk");
    }

    @Test
    void a_name_typed_as_a_domain_is_also_a_domain() {
        MatchRecord r = factory.toMatchRecord(record("cambridgesemantics.com", "", "", "", ""));

        assertThat(r.domains()).extracting(DomainKey::registrable).containsExactly("cambridgesemantics.com");
    }

    private String phoneOf(String phone, String country) {
        MatchRecord r = factory.toMatchRecord(new DedupeRecord("r1", "Acme", "", "", "", "", "", phone, "", country));
        return r.phones().iterator().next();
    }

    private static DedupeRecord record(String name, String domain, String website, String email, String phone) {
        return new DedupeRecord("r1", name, domain, website, email, "", "", phone, "", "");
    }
}
