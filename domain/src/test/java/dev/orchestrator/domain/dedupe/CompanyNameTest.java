package dev.orchestrator.domain.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyNameTest {
    @Test
    void legal_forms_punctuation_and_case_do_not_change_the_name() {
        assertThat(CompanyName.parse("Acme Inc.").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("ACME Corporation").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("The Acme Co., Ltd.").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("Acme Pty. Ltd.").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("Acme GmbH").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("Acme S.A. de C.V.").compact()).isEqualTo("acme");
        assertThat(CompanyName.parse("acme plc").compact()).isEqualTo("acme");
    }

    @Test
    void a_mistyped_long_legal_form_is_still_a_legal_form() {
        assertThat(CompanyName.parse("Mapbox, Incorporatd").compact()).isEqualTo("mapbox");
    }

    @Test
    void ampersand_and_the_word_and_are_the_same() {
        assertThat(CompanyName.parse("Standard & Poor's").compact())
                .isEqualTo(CompanyName.parse("STANDARD AND POOR'S").compact());
    }

    @Test
    void country_tags_are_removed_in_brackets_after_a_dash_or_as_a_code() {
        assertThat(CompanyName.parse("ClearStory Data (US)").compact()).isEqualTo("clearstorydata");
        assertThat(CompanyName.parse("HopStop - Astralia").compact()).isEqualTo("hopstop");
        assertThat(CompanyName.parse("Mapbox USA").compact()).isEqualTo("mapbox");
    }

    @Test
    void joined_and_split_words_give_the_same_compact_form() {
        assertThat(CompanyName.parse("Street Cred Software").compact())
                .isEqualTo(CompanyName.parse("StreetCred Software Inc.").compact());
    }

    @Test
    void common_abbreviations_are_made_canonical() {
        assertThat(CompanyName.parse("Acme Intl Tech").compact())
                .isEqualTo(CompanyName.parse("Acme International Technologies").compact());
    }

    @Test
    void the_acronym_skips_minor_words() {
        assertThat(CompanyName.parse("International Business Machines Corp.").acronym()).isEqualTo("ibm");
        assertThat(CompanyName.parse("Centro de Integración Ciudadana").acronym()).isEqualTo("cic");
    }

    @Test
    void a_bracketed_short_form_is_kept_as_an_alias() {
        CompanyName name = CompanyName.parse("PricewaterhouseCoopers (PwC)");
        assertThat(name.compact()).isEqualTo("pricewaterhousecooper");
        assertThat(name.aliases()).containsExactly("pwc");
    }

    @Test
    void a_domain_typed_as_the_name_names_the_company_by_its_label() {
        assertThat(CompanyName.parse("www.cambridgesemantics.com").compact()).isEqualTo("cambridgesemantic");
    }

    @Test
    void accents_do_not_matter() {
        assertThat(CompanyName.parse("Asociación Mexicana").compact())
                .isEqualTo(CompanyName.parse("ASOCIACION MEXICANA").compact());
    }

    @Test
    void korean_and_mexican_legal_forms_with_a_country_word_are_removed() {
        assertThat(CompanyName.parse("Umven, Inc. Korea").compact()).isEqualTo("umven");
        assertThat(CompanyName.parse("Transparencia Mexicana S. de R.L. de C.V.").compact())
                .isEqualTo("transparenciamexicana");
    }

    @Test
    void a_country_word_inside_a_name_stays() {
        assertThat(CompanyName.parse("Australian Medical Association").compact())
                .isEqualTo("australianmedicalassociation");
    }

    @Test
    void a_blank_name_is_no_name() {
        assertThat(CompanyName.parse("  ").isEmpty()).isTrue();
    }
}
