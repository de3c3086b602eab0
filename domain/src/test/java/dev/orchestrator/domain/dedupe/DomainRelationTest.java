package dev.orchestrator.domain.dedupe;

import static dev.orchestrator.domain.dedupe.TestDomains.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainRelationTest {
    @Test
    void one_registrable_domain_is_the_same_domain() {
        assertThat(DomainRelation.between(key("acme.com"), key("acme.com"))).isEqualTo(DomainRelation.SAME_DOMAIN);
    }

    @Test
    void one_label_under_another_country_suffix_is_the_same_brand() {
        assertThat(DomainRelation.between(key("acme.com"), key("acme.co.uk"))).isEqualTo(DomainRelation.SAME_LABEL);
        assertThat(DomainRelation.between(key("acme.com.mx"), key("acme.co.uk"))).isEqualTo(DomainRelation.SAME_LABEL);
    }

    @Test
    void marketing_prefixes_and_suffixes_are_brand_variants() {
        assertThat(DomainRelation.between(key("getacme.com"), key("acme.com"))).isEqualTo(DomainRelation.BRAND_VARIANT);
        assertThat(DomainRelation.between(key("acme.com"), key("acmehq.com"))).isEqualTo(DomainRelation.BRAND_VARIANT);
        assertThat(DomainRelation.between(key("acme-online.com"), key("acme.com"))).isEqualTo(DomainRelation.BRAND_VARIANT);
    }

    @Test
    void a_product_word_added_to_the_label_is_another_company() {
        assertThat(DomainRelation.between(key("acme.com"), key("acmestudio.com.au"))).isEqualTo(DomainRelation.CONTAINED);
    }

    @Test
    void a_swapped_or_missing_letter_is_a_typo() {
        assertThat(DomainRelation.between(key("fujitsu.com"), key("fujitus.com"))).isEqualTo(DomainRelation.TYPO);
    }

    @Test
    void a_typo_in_one_variant_of_the_brand_is_still_a_typo() {
        assertThat(DomainRelation.between(key("atlaslearnnig.co.kr"), key("atlaslearninghq.com")))
                .isEqualTo(DomainRelation.TYPO);
    }

    @Test
    void different_labels_are_unrelated() {
        assertThat(DomainRelation.between(key("acme.com"), key("zenith.com"))).isEqualTo(DomainRelation.UNRELATED);
    }
}
