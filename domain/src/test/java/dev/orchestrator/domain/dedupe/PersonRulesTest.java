package dev.orchestrator.domain.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonRulesTest {
    @Test
    void a_typo_in_an_e_mail_address_still_counts_as_the_address() {
        assertThat(PersonRules.compareEmails("jbrooks@hall-lowery.net", "jbrooks@hall-lwery.net").value())
                .startsWith("typo");
    }

    @Test
    void a_typo_that_moves_the_at_sign_is_still_a_typo() {
        assertThat(PersonRules.compareEmails("loganmorgan43@mcbride-king.com", "loganmo.gan43@mcbride-kingrcom")
                .value()).startsWith("typo");
    }

    @Test
    void numbered_mailboxes_of_one_name_are_different_people() {
        assertThat(PersonRules.compareEmails("john.smith1@acme.com", "john.smith2@acme.com").weight()).isNegative();
    }

    @Test
    void the_same_mailbox_name_at_another_provider_is_some_evidence() {
        MatchFeature f = PersonRules.compareEmails("isaac.james@smith.com", "isaac.james@gmail.com");

        assertThat(f.value()).startsWith("same mailbox name");
        assertThat(f.weight()).isPositive();
    }

    @Test
    void shuffled_letters_in_a_surname_are_a_typo() {
        assertThat(PersonRules.familyName("thomson", "tmhsoon", "").weight()).isPositive();
    }

    @Test
    void a_different_surname_weighs_against() {
        assertThat(PersonRules.familyName("smith", "jones", "").weight()).isNegative();
    }

    @Test
    void phone_numbers_match_with_or_without_country_and_trunk_prefixes() {
        assertThat(PersonRules.samePhone("+61255507915", "255507915")).isTrue();
        assertThat(PersonRules.samePhone("+15025550198", "+15025550199")).isFalse();
    }

    @Test
    void people_at_the_same_company_domain_share_an_employer() {
        MatchRecord a = MatchRecords.aPerson("Bob", "Smith").email("bob.smith@acme.com").build();
        MatchRecord b = MatchRecords.aPerson("Robert", "Smith").email("rsmith@acme.com").build();

        assertThat(PersonRules.employerFeature(a, b)).hasValueSatisfying(f -> assertThat(f.weight()).isPositive());
    }

    @Test
    void people_at_two_company_domains_weigh_against() {
        MatchRecord a = MatchRecords.aPerson("Bob", "Smith").email("bob.smith@acme.com").build();
        MatchRecord b = MatchRecords.aPerson("Bob", "Smith").email("bob.smith@globex.com").build();

        assertThat(PersonRules.employerFeature(a, b)).hasValueSatisfying(f -> assertThat(f.weight()).isNegative());
    }

    @Test
    void a_free_mail_address_says_nothing_about_the_employer() {
        MatchRecord a = MatchRecords.aPerson("Bob", "Smith").email("bob.smith@gmail.com").build();
        MatchRecord b = MatchRecords.aPerson("Bob", "Smith").email("bob.smith@globex.com").build();

        assertThat(PersonRules.employerFeature(a, b)).isEmpty();
    }
}
