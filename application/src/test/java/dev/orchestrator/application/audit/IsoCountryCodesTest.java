package dev.orchestrator.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoCountryCodesTest {
    private final IsoCountryCodes countries = new IsoCountryCodes();

    @ParameterizedTest
    @ValueSource(strings = {"US", "DE", "GB", "JP"})
    void alpha2CodesAreStandard(String code) {
        assertThat(countries.isStandard(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "USA", "Germany", "UK", "XX", ""})
    void anythingElseIsNot(String value) {
        assertThat(countries.isStandard(value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"Germany,DE", "Deutschland,DE", "USA,US", "United States,US", "uk,GB", "FRA,FR", "the Netherlands,NL",
            "us,US"})
    void namesAndCodesMapToAlpha2(String value, String code) {
        assertThat(countries.toIso(value)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis", "EMEA", "   "})
    void unknownNamesMapToNothing(String value) {
        assertThat(countries.toIso(value)).isEmpty();
    }
}
