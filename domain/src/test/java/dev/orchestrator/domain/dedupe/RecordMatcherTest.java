package dev.orchestrator.domain.dedupe;

import static dev.orchestrator.domain.dedupe.MatchRecords.aCompany;
import static dev.orchestrator.domain.dedupe.MatchRecords.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordMatcherTest {
    private final RecordMatcher matcher = RecordMatcher.standard(MatchThresholds.DEFAULT);

    @Test
    void legal_forms_and_case_do_not_keep_one_company_apart() {
        MatchDecision decision = matcher.compare(aCompany("Acme Inc.").build(), aCompany("ACME Corporation").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void an_acronym_matches_the_expanded_name_when_the_domain_agrees() {
        MatchDecision decision = matcher.compare(
                aCompany("IBM").domain("ibm.com").build(),
                aCompany("International Business Machines").domain("www.ibm.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
        assertThat(decision.score().features()).extracting(MatchFeature::value)
                .anySatisfy(v -> assertThat(v).startsWith("acronym"));
    }

    @Test
    void a_lead_at_a_country_domain_matches_the_account_at_the_main_domain() {
        MatchRecord lead = aCompany("ACME Corp").email("jane@acme.co.uk").build();
        MatchRecord account = aCompany("Acme Corporation").domain("acme.com").build();

        MatchDecision decision = matcher.compareCompanies(lead, account);

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
        assertThat(decision.score().features()).extracting(MatchFeature::name).contains("domain", "company_name");
    }

    @Test
    void a_marketing_domain_of_the_brand_counts_as_the_brand() {
        MatchDecision decision = matcher.compare(aCompany("Acme").domain("getacme.com").build(),
                aCompany("Acme Inc").domain("acme.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void companies_sharing_only_a_generic_word_are_distinct() {
        MatchDecision decision = matcher.compare(aCompany("Acme Solutions").city("Boston").build(),
                aCompany("Apex Solutions").city("Boston").build());

        assertThat(decision).isInstanceOf(MatchDecision.Distinct.class);
    }

    @Test
    void companies_sharing_a_first_word_with_their_own_domains_are_distinct() {
        MatchDecision decision = matcher.compare(
                aCompany("Cambridge Semantics").domain("cambridgesemantics.com").build(),
                aCompany("Cambridge Dental").domain("cambridgedental.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Distinct.class);
    }

    @Test
    void the_same_name_on_another_brand_domain_abroad_is_never_a_duplicate() {
        MatchDecision decision = matcher.compare(
                aCompany("HopStop").domain("hopstop.com").country("US").build(),
                aCompany("HopStop Pty Ltd").domain("hopstopstudio.com.au").country("Australia").build());

        assertThat(decision).isNotInstanceOf(MatchDecision.Duplicate.class);
        assertThat(decision.score().hasConflict()).isTrue();
    }

    @Test
    void a_look_alike_brand_one_letter_away_in_name_and_domain_is_not_a_duplicate() {
        MatchDecision decision = matcher.compare(
                aCompany("Civis Analytics").domain("civisanalytics.com").build(),
                aCompany("Civis Anolytics").domain("civisanolytics.com").build());

        assertThat(decision).isNotInstanceOf(MatchDecision.Duplicate.class);
        assertThat(decision.score().features()).extracting(MatchFeature::value)
                .anySatisfy(v -> assertThat(v).startsWith("look_alike"));
    }

    @Test
    void numbered_branches_of_one_organisation_are_not_typos_of_each_other() {
        MatchDecision decision = matcher.compare(aCompany("Rachel's Learning Center #1").build(),
                aCompany("Rachel's Learning Center #2").build());

        assertThat(decision).isInstanceOf(MatchDecision.Distinct.class);
    }

    @Test
    void a_typo_in_the_name_is_forgiven_when_the_domain_agrees() {
        MatchDecision decision = matcher.compare(aCompany("Earthh Networks").domain("earthnetworks.com").build(),
                aCompany("Earth Networks LLC").domain("earthnetworks.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void a_typo_in_the_domain_is_forgiven_when_the_name_agrees() {
        MatchDecision decision = matcher.compare(aCompany("Fujitsu").domain("fujitus.com").build(),
                aCompany("Fujitsu LLC").domain("fujitsu.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void the_same_phone_number_backs_a_shortened_name() {
        MatchDecision decision = matcher.compare(aCompany("Earth").phone("+15105550109").build(),
                aCompany("Earth Networks").phone("+15105550109").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void a_free_mail_address_says_nothing_about_the_company() {
        MatchDecision decision = matcher.compare(aCompany("Acme Analytics").email("jo@gmail.com").build(),
                aCompany("Zenith Metals").email("al@gmail.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Distinct.class);
        assertThat(decision.score().features()).extracting(MatchFeature::name).doesNotContain("domain");
    }

    @Test
    void bob_and_robert_with_the_same_surname_are_one_person() {
        MatchDecision decision = matcher.compare(aPerson("Bob", "Smith").build(), aPerson("Robert", "Smith").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
        assertThat(decision.score().features()).extracting(MatchFeature::value)
                .anySatisfy(v -> assertThat(v).startsWith("nickname"));
    }

    @Test
    void first_and_last_name_filled_in_the_wrong_boxes_still_match() {
        MatchDecision decision = matcher.compare(aPerson("Logan", "Morgan").build(),
                aPerson("Morgan", "Logan").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void the_same_e_mail_address_is_one_person_despite_a_typo_in_the_surname() {
        MatchDecision decision = matcher.compare(aPerson("Jessica", "Milller").email("jessica.miller@johnson.com").build(),
                aPerson("Jessica", "Miller").email("jessica.miller@johnson.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void people_with_different_names_are_distinct_even_at_one_e_mail_domain() {
        MatchDecision decision = matcher.compare(aPerson("Isaac", "James").email("isaac.james@smith.com").build(),
                aPerson("Logan", "Webb").email("l.webb66@smith.com").build());

        assertThat(decision).isInstanceOf(MatchDecision.Distinct.class);
    }

    @Test
    void a_first_name_and_a_city_alone_go_to_review_not_to_a_merge() {
        MatchDecision decision = matcher.compare(aPerson("Riley", "").city("Aberdeen").build(),
                aPerson("Riley", "King").city("Aberdeen").build());

        assertThat(decision).isInstanceOf(MatchDecision.PossibleDuplicate.class);
    }

    @Test
    void every_decision_carries_the_features_that_produced_its_score() {
        MatchDecision decision = matcher.compare(aCompany("Acme").phone("+15550100").build(),
                aCompany("Acme").phone("+15550100").build());

        double sum = decision.score().features().stream().mapToDouble(MatchFeature::weight).sum();
        assertThat(decision.score().total()).isEqualTo(sum);
        assertThat(decision.score().features()).extracting(MatchFeature::name).containsExactly("company_name", "phone");
    }
}
