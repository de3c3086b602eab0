package dev.orchestrator.application.service;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.WrittenFields;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.merge.FieldMergeRule;
import dev.orchestrator.domain.merge.MergeOutcome;
import dev.orchestrator.domain.merge.MergePolicy;
import dev.orchestrator.domain.merge.SourceRanking;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmFirmographicsWriterTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");
    private static final CrmObjectId ACME = new CrmObjectId("7");
    private final FakeProfiles crm = new FakeProfiles();
    private final FakeWrittenFields written = new FakeWrittenFields();

    private CrmFirmographicsWriter writer(FieldMergeRule... rules) {
        return new CrmFirmographicsWriter(crm, written, new MergePolicy(SourceRanking.DEFAULT, List.of(rules),
                FieldMergeRule.Strategy.SOURCE_PRIORITY, 0.0), "sandbox");
    }

    @Test
    void empty_company_fields_are_filled_from_the_enrichment() {
        writer().write(ACME, aCompleteCompany("clearbit"), NOW);

        assertThat(crm.values).containsEntry(CompanyProfileField.INDUSTRY, "manufacturing")
                .containsEntry(CompanyProfileField.EMPLOYEES, "240").containsEntry(CompanyProfileField.COUNTRY, "DE")
                .containsEntry(CompanyProfileField.STATE, "BY")
                .containsEntry(CompanyProfileField.REVENUE_RANGE, "10m-50m");
    }

    @Test
    void a_value_a_person_entered_in_the_crm_is_kept() {
        crm.values.put(CompanyProfileField.INDUSTRY, "software");

        List<MergeOutcome> outcomes = writer().write(ACME, aCompleteCompany("clearbit"), NOW);

        assertThat(crm.values).containsEntry(CompanyProfileField.INDUSTRY, "software");
        assertThat(outcomes).filteredOn(o -> o.field().equals("industry")).singleElement()
                .satisfies(o -> assertThat(o.explanation()).isEqualTo("crm-user outranks enrichment"));
    }

    @Test
    void a_trusted_refresh_field_overwrites_what_a_person_entered() {
        crm.values.put(CompanyProfileField.EMPLOYEES, "50");

        writer(new FieldMergeRule("employees", FieldMergeRule.Strategy.TRUSTED_REFRESH))
                .write(ACME, aCompleteCompany("clearbit"), NOW);

        assertThat(crm.values).containsEntry(CompanyProfileField.EMPLOYEES, "240");
    }

    @Test
    void a_value_we_wrote_earlier_is_refreshed_by_a_newer_answer() {
        writer().write(ACME, aCompleteCompany("apollo"), NOW);
        crm.values.put(CompanyProfileField.INDUSTRY, "manufacturing");

        List<MergeOutcome> outcomes = writer().write(ACME, aCompleteCompany("clearbit")
                .withIndustry(dev.orchestrator.application.port.out.enrichment.Sourced.of(
                        dev.orchestrator.domain.crm.Industry.SOFTWARE, "clearbit", 0.9)), NOW.plusSeconds(60));

        assertThat(crm.values).containsEntry(CompanyProfileField.INDUSTRY, "software");
        assertThat(outcomes).filteredOn(o -> o.field().equals("industry")).singleElement()
                .satisfies(o -> assertThat(o.current().orElseThrow().detail()).isEqualTo("apollo"));
    }

    @Test
    void what_was_written_is_remembered_with_provider_and_confidence() {
        writer().write(ACME, aCompleteCompany("clearbit"), NOW);

        assertThat(written.find("company", "7").get("employees"))
                .isEqualTo(new WrittenFields.Written("employees", "240", "enrichment", "clearbit", 0.9, NOW));
    }

    @Test
    void nothing_is_sent_when_every_field_already_holds_the_answer() {
        writer().write(ACME, aCompleteCompany("clearbit"), NOW);
        crm.writes = 0;

        writer().write(ACME, aCompleteCompany("clearbit"), NOW.plusSeconds(60));

        assertThat(crm.writes).isZero();
    }

    @Test
    void a_field_the_crm_has_no_place_for_is_neither_sent_nor_remembered() {
        crm.held = java.util.EnumSet.of(CompanyProfileField.INDUSTRY, CompanyProfileField.EMPLOYEES);

        List<MergeOutcome> outcomes = writer().write(ACME, aCompleteCompany("clearbit"), NOW);

        assertThat(crm.values).containsOnlyKeys(CompanyProfileField.INDUSTRY, CompanyProfileField.EMPLOYEES);
        assertThat(outcomes).extracting(MergeOutcome::field).containsExactlyInAnyOrder("industry", "employees");
        assertThat(written.find("company", "7")).containsOnlyKeys("industry", "employees");
    }

    static final class FakeProfiles implements CrmCompanyProfiles {
        final Map<CompanyProfileField, String> values = new EnumMap<>(CompanyProfileField.class);
        java.util.Set<CompanyProfileField> held = java.util.EnumSet.allOf(CompanyProfileField.class);
        java.util.Optional<dev.orchestrator.application.port.out.crm.CrmFailure> refusal = java.util.Optional.empty();
        int writes;

        @Override
        public java.util.Set<CompanyProfileField> fields() {
            return held;
        }

        @Override
        public Map<CompanyProfileField, String> read(CrmObjectId companyId) {
            return Map.copyOf(values);
        }

        @Override
        public void write(CrmObjectId companyId, Map<CompanyProfileField, String> changes) {
            assertThat(held).containsAll(changes.keySet());
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            writes++;
            values.putAll(changes);
        }
    }

    static final class FakeWrittenFields implements WrittenFields {
        private final Map<String, Map<String, Written>> byRecord = new HashMap<>();

        @Override
        public Map<String, Written> find(String objectType, String crmId) {
            return Map.copyOf(byRecord.getOrDefault(objectType + "/" + crmId, Map.of()));
        }

        @Override
        public void record(String objectType, String crmId, List<Written> fields) {
            Map<String, Written> record = byRecord.computeIfAbsent(objectType + "/" + crmId,
                    k -> new LinkedHashMap<>());
            fields.forEach(w -> record.put(w.field(), w));
        }
    }
}
