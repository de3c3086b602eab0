package dev.orchestrator.adapter.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanyFieldMapsTest {
    /** A field map as a list of what was applied, so a test sees the order the settings were read in. */
    private record Applied(List<String> steps) {
        Applied with(String step) {
            return new Applied(java.util.stream.Stream.concat(steps.stream(), java.util.stream.Stream.of(step))
                    .toList());
        }
    }

    private static Applied fromSettings(Map<String, String> env) {
        return CompanyFieldMaps.fromSettings(new Applied(List.of()), env, "CRM_FIELDS",
                (map, field, name) -> map.with(field + "=" + name), "CRM_INDUSTRIES",
                (map, key, option) -> map.with(key + "->" + option));
    }

    @Test
    void appliesTheFieldSettingInTheOrderWrittenThenTheIndustrySetting() {
        Applied applied = fromSettings(Map.of("CRM_FIELDS", " country = hq_country , employees=headcount",
                "CRM_INDUSTRIES", "software=COMPUTER_SOFTWARE"));

        assertThat(applied.steps()).containsExactly("COUNTRY=hq_country", "EMPLOYEES=headcount",
                "software->COMPUTER_SOFTWARE");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> fromSettings(Map.of("CRM_FIELDS", "headcount=employees")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("CRM_FIELDS: unknown field headcount");
    }

    @Test
    void aPairWithoutAnEqualsSignIsRefusedQuotingIt() {
        assertThatThrownBy(() -> fromSettings(Map.of("CRM_INDUSTRIES", "software=SOFTWARE, retail")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected name=value, got 'retail'");
    }

    @Test
    void noSettingsLeaveTheDefaults() {
        assertThat(fromSettings(Map.of()).steps()).isEmpty();
    }

    @Test
    void aBlankNameLeavesTheFieldOutAndAnyOtherNameIsStripped() {
        Map<CompanyProfileField, String> names = new EnumMap<>(Map.of(CompanyProfileField.COUNTRY, "country",
                CompanyProfileField.STATE, "state"));

        assertThat(CompanyFieldMaps.remapped(names, CompanyProfileField.STATE, " ")).containsOnlyKeys(
                CompanyProfileField.COUNTRY);
        assertThat(CompanyFieldMaps.remapped(names, CompanyProfileField.STATE, " region ")).containsEntry(
                CompanyProfileField.STATE, "region");
    }

    @Test
    void twoKeysSentToOneCrmNameAreRefused() {
        assertThatThrownBy(() -> CompanyFieldMaps.requireOneToOne(Map.of(CompanyProfileField.COUNTRY, "hq",
                CompanyProfileField.STATE, "hq"), "two fields to one property"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two fields to one property");
    }

    @Test
    void anIndustryGoesToItsOptionAndBackAndOtherFieldsPassUnchanged() {
        Map<String, String> options = Map.of("software", "COMPUTER_SOFTWARE");

        assertThat(CompanyFieldMaps.toCrm(options, CompanyProfileField.INDUSTRY, "software"))
                .isEqualTo("COMPUTER_SOFTWARE");
        assertThat(CompanyFieldMaps.fromCrm(options, CompanyProfileField.INDUSTRY, "COMPUTER_SOFTWARE"))
                .isEqualTo("software");
        assertThat(CompanyFieldMaps.toCrm(options, CompanyProfileField.COUNTRY, "software")).isEqualTo("software");
    }

    @Test
    void anIndustryWithoutAnOptionIsSentAsOurKeySoTheCrmsRefusalNamesIt() {
        assertThat(CompanyFieldMaps.toCrm(Map.of(), CompanyProfileField.INDUSTRY, "aerospace")).isEqualTo("aerospace");
        assertThat(CompanyFieldMaps.fromCrm(Map.of(), CompanyProfileField.INDUSTRY, "AEROSPACE")).isEqualTo("AEROSPACE");
    }
}
