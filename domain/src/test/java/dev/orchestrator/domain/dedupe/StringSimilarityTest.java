package dev.orchestrator.domain.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringSimilarityTest {
    @Test
    void jaro_winkler_gives_the_textbook_values() {
        assertThat(StringSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(StringSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(StringSimilarity.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void a_swap_of_neighbouring_letters_is_one_edit() {
        assertThat(StringSimilarity.editDistance("fujitsu", "fujitus", 2)).isEqualTo(1);
    }

    @Test
    void edit_distance_stops_past_its_bound() {
        assertThat(StringSimilarity.editDistance("acme", "zenith", 1)).isEqualTo(2);
        assertThat(StringSimilarity.editDistance("kitten", "sitting", 3)).isEqualTo(3);
    }

    @Test
    void shuffled_letters_are_recognised() {
        assertThat(StringSimilarity.sameLetters("thomson", "tmhsoon")).isTrue();
        assertThat(StringSimilarity.sameLetters("thomson", "thomsen")).isFalse();
    }

    @Test
    void token_containment_is_measured_against_the_shorter_name() {
        assertThat(StringSimilarity.tokenContainment(List.of("earth"), List.of("earth", "network"))).isEqualTo(1.0);
        assertThat(StringSimilarity.tokenJaccard(List.of("a", "b"), List.of("b", "c"))).isCloseTo(1 / 3.0, within(1e-9));
    }
}
