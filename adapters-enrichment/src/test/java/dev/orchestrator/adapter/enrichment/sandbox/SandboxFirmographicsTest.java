package dev.orchestrator.adapter.enrichment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.crm.Industry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxFirmographicsTest {
    private final List<SandboxCompany> companies = SandboxEnrichment.companies();

    @Test
    void the_shipped_file_is_exactly_what_the_generator_produces() {
        assertThat(SandboxEnrichment.shippedFile()).isEqualTo(SandboxFirmographicsGenerator.shippedCsv());
    }

    @Test
    void the_shipped_file_holds_at_least_two_thousand_companies() {
        assertThat(companies).hasSizeGreaterThanOrEqualTo(2000);
    }

    @Test
    void the_sandbox_knows_five_thousand_companies_the_first_of_them_the_shipped_file() {
        assertThat(companies).hasSize(SandboxFirmographicsGenerator.TOTAL).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(companies.subList(0, SandboxFirmographicsGenerator.COUNT))
                .isEqualTo(SandboxEnrichment.shippedCompanies());
    }

    @Test
    void the_generated_companies_are_the_generator_continued_with_the_same_seed() {
        assertThat(companies).isEqualTo(SandboxFirmographicsGenerator.generate(SandboxFirmographicsGenerator.SEED,
                SandboxFirmographicsGenerator.TOTAL));
    }

    @Test
    void every_domain_and_every_name_appears_once() {
        assertThat(companies.stream().map(SandboxCompany::domain).distinct().count()).isEqualTo(companies.size());
        assertThat(companies.stream().map(c -> c.name().toLowerCase()).distinct().count())
                .isEqualTo(companies.size());
    }

    @Test
    void companies_span_many_countries_and_legal_forms() {
        Set<String> countries = companies.stream().map(c -> c.headquarters().countryCode())
                .collect(Collectors.toSet());
        assertThat(countries).hasSizeGreaterThanOrEqualTo(12).contains("US", "GB", "DE", "FR", "JP");
        assertThat(companies).anyMatch(c -> c.name().endsWith(" GmbH"))
                .anyMatch(c -> c.name().endsWith(" Inc."))
                .anyMatch(c -> c.name().endsWith(" Ltd"))
                .anyMatch(c -> c.name().endsWith(" S.p.A."))
                .anyMatch(c -> c.name().endsWith(" B.V."))
                .anyMatch(c -> c.name().contains(" & "))
                .anyMatch(c -> !c.name().chars().allMatch(ch -> ch < 128));
    }

    @Test
    void companies_span_the_industry_taxonomy_and_every_size() {
        Set<Industry> industries = companies.stream().map(SandboxCompany::industry).collect(Collectors.toSet());
        assertThat(industries).hasSizeGreaterThanOrEqualTo(15).contains(Industry.MANUFACTURING, Industry.SOFTWARE);
        assertThat(companies).anyMatch(c -> c.employees() < 20).anyMatch(c -> c.employees() >= 200)
                .anyMatch(c -> c.employees() > 5000);
    }

    @Test
    void every_company_has_technologies() {
        assertThat(companies).allMatch(c -> !c.technologies().isEmpty());
    }

    @Test
    void the_same_seed_generates_the_same_companies() {
        assertThat(SandboxFirmographicsGenerator.generate(7L, 50))
                .isEqualTo(SandboxFirmographicsGenerator.generate(7L, 50));
    }
}
