package dev.orchestrator.domain.dedupe;

import static dev.orchestrator.domain.dedupe.MatchRecords.aCompany;
import static dev.orchestrator.domain.dedupe.MatchRecords.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {
    @Test
    void a_company_is_indexed_by_domain_name_phone_and_e_mail() {
        Set<BlockingKey> keys = BlockingKeys.of(aCompany("Acme Corp").domain("acme.co.uk")
                .email("jane@acme.co.uk").phone("+442071234567").build());

        assertThat(keys).contains(
                new BlockingKey(BlockingKey.Type.DOMAIN, "acme.co.uk"),
                new BlockingKey(BlockingKey.Type.IDENT, "acme"),
                new BlockingKey(BlockingKey.Type.EMAIL, "jane@acme.co.uk"),
                new BlockingKey(BlockingKey.Type.PHONE, "1234567"));
    }

    @Test
    void country_variants_of_a_domain_share_the_label_key() {
        assertThat(shared(aCompany("Acme").domain("acme.com").build(), aCompany("Acme").domain("acme.com.mx").build()))
                .contains(new BlockingKey(BlockingKey.Type.IDENT, "acme"));
    }

    @Test
    void a_typo_early_in_a_name_still_shares_the_suffix_key() {
        assertThat(shared(aCompany("Sttudio Graphics").build(), aCompany("Studio Graphics").build()))
                .extracting(BlockingKey::type).contains(BlockingKey.Type.IDENT_SUFFIX);
    }

    @Test
    void an_acronym_shares_a_key_with_its_expanded_name() {
        assertThat(shared(aCompany("IBM").build(), aCompany("International Business Machines").build()))
                .contains(new BlockingKey(BlockingKey.Type.IDENT, "ibm"));
    }

    @Test
    void swapped_first_and_last_names_share_a_key() {
        assertThat(shared(aPerson("Logan", "Morgan").build(), aPerson("Morgan", "Logan").build()))
                .extracting(BlockingKey::type).contains(BlockingKey.Type.PERSON_NAMES);
    }

    @Test
    void a_typo_in_the_surname_keeps_a_name_key() {
        assertThat(shared(aPerson("Erin", "Rogers").build(), aPerson("Erin", "Roers").build()))
                .extracting(BlockingKey::type).contains(BlockingKey.Type.PERSON_NAMES);
    }

    @Test
    void a_person_is_indexed_under_the_domain_of_their_employer() {
        Set<BlockingKey> keys = BlockingKeys.of(aPerson("Jane", "Doe").companyName("Acme Group")
                .email("jane@acme.com").build());

        assertThat(keys).contains(
                new BlockingKey(BlockingKey.Type.DOMAIN, "acme.com"),
                new BlockingKey(BlockingKey.Type.IDENT, "acme"));
    }

    @Test
    void a_person_is_not_indexed_under_the_name_of_their_company() {
        MatchRecord withCompanyName = aPerson("Jane", "Doe").companyName("Zenith Metals Group")
                .email("jane@acme.com").build();
        MatchRecord without = aPerson("Jane", "Doe").email("jane@acme.com").build();

        assertThat(BlockingKeys.of(withCompanyName)).isEqualTo(BlockingKeys.of(without));
    }

    @Test
    void a_company_is_indexed_under_its_name() {
        assertThat(BlockingKeys.of(aCompany("Zenith Metals Group").build()))
                .contains(new BlockingKey(BlockingKey.Type.NAME_WORD, "zenith"));
    }

    @Test
    void unrelated_companies_share_no_key() {
        assertThat(shared(aCompany("Acme Analytics").domain("acme.com").build(),
                aCompany("Zenith Metals").domain("zenithmetals.com").build())).isEmpty();
    }

    private static Set<BlockingKey> shared(MatchRecord a, MatchRecord b) {
        Set<BlockingKey> common = new HashSet<>(BlockingKeys.of(a));
        common.retainAll(BlockingKeys.of(b));
        return common;
    }
}
