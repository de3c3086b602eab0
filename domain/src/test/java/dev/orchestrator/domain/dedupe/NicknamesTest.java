package dev.orchestrator.domain.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTest {
    @Test
    void a_short_form_names_its_formal_name() {
        assertThat(Nicknames.sameGivenName("bob", "robert")).isTrue();
        assertThat(Nicknames.sameGivenName("bill", "william")).isTrue();
        assertThat(Nicknames.sameGivenName("peggy", "margaret")).isTrue();
    }

    @Test
    void two_short_forms_of_one_name_are_the_same_name() {
        assertThat(Nicknames.sameGivenName("bob", "rob")).isTrue();
    }

    @Test
    void short_forms_of_different_names_are_different() {
        assertThat(Nicknames.sameGivenName("bob", "bill")).isFalse();
        assertThat(Nicknames.sameGivenName("robert", "william")).isFalse();
    }
}
