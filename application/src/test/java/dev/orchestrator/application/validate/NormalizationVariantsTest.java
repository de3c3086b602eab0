package dev.orchestrator.application.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.intake.LeadEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-world spellings the intake gate meets, each with the standard form it must come out as: phones from a dozen
 * countries, web addresses under multi-part public suffixes, company names with the legal forms of many
 * jurisdictions, countries, states and provinces, industries and enum values as forms send them.
 */
class NormalizationVariantsTest {
    private final LeadValidator validator = new LeadValidator("US", FreeMailDomains.shipped());

    @ParameterizedTest(name = "{0} phone \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
        "US | (415) 555-2671      | +14155552671",
        "GB | 020 7946 0958       | +442079460958",
        "DE | 030 901820          | +4930901820",
        "FR | 01 42 68 53 00      | +33142685300",
        "IN | 098765 43210        | +919876543210",
        "BR | (11) 96123-4567     | +5511961234567",
        "JP | 03-1234-5678        | +81312345678",
        "AU | (02) 9374 4000      | +61293744000",
        "MX | 55 1234 5678        | +525512345678",
        "NL | 06 12345678         | +31612345678",
        "ES | 912 34 56 78        | +34912345678",
        "ZA | 021 123 4567        | +27211234567",
        "CA | 416.555.0199        | +14165550199",
        "US | +44 20 7946 0958    | +442079460958",
    })
    void aPhoneIsWrittenInE164UsingTheLeadsCountry(String country, String raw, String e164) {
        assertThat(valid(lead(Map.of(), "jane@acme.com", raw, country, "Acme")).phoneE164()).contains(e164);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "www.acme.co.uk                 | acme.co.uk",
        "https://shop.acme.com/x        | acme.com",
        "blog.acme.com.au               | acme.com.au",
        "http://WWW.Acme.CO.ZA/contact  | acme.co.za",
        "store.acme.com.br              | acme.com.br",
        "eu.shop.acme.co.jp             | acme.co.jp",
        "acme.co.nz                     | acme.co.nz",
        "https://careers.acme.org.uk/?q | acme.org.uk",
        "acme.com.mx                    | acme.com.mx",
    })
    void aWebAddressGivesItsRegistrableDomain(String raw, String domain) {
        assertThat(RegistrableDomain.parse(raw).value()).isEqualTo(domain);
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\" + {2}")
    @CsvSource(delimiter = '|', value = {
        "Acme Holdings, Inc.            | Acme Holdings            | Inc",
        "Globex LLC                     | Globex                   | LLC",
        "Widget Works Ltd.              | Widget Works             | Ltd",
        "Barclays PLC                   | Barclays                 | PLC",
        "Müller Maschinenbau GmbH       | Müller Maschinenbau      | GmbH",
        "Bauer Logistik GmbH & Co. KG   | Bauer Logistik           | GmbH & Co. KG",
        "Siemens AG                     | Siemens                  | AG",
        "Dupont Conseil SARL            | Dupont Conseil           | SARL",
        "Société Générale S.A.          | Société Générale         | SA",
        "Van Dam B.V.                   | Van Dam                  | B.V.",
        "Koninklijke Philips N.V.       | Koninklijke Philips      | N.V.",
        "Telefónica, S.A.               | Telefónica               | SA",
        "Grupo Bimbo S.A.B. de C.V.     | Grupo Bimbo              | S.A.B. de C.V.",
        "Ferrari S.p.A.                 | Ferrari                  | S.p.A.",
        "Toyota Motor K.K.              | Toyota Motor             | K.K.",
        "Atlassian Pty Ltd              | Atlassian                | Pty Ltd",
        "Infosys Private Limited        | Infosys                  | Pvt Ltd",
        "Volvo AB                       | Volvo                    | AB",
        "Huawei Technologies Co., Ltd.  | Huawei Technologies      | Co., Ltd.",
        "Natura Cosméticos Ltda         | Natura Cosméticos        | Ltda",
    })
    void aCompanyNameLosesItsLegalFormToItsOwnField(String raw, String name, String legalForm) {
        CompanyNames.Standardized standard = CompanyNames.standardize(raw);

        assertThat(standard.name()).isEqualTo(name);
        assertThat(standard.legalForm()).contains(legalForm);
    }

    @ParameterizedTest(name = "\"{0}\" is written \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "  Acme   Robotics  | Acme Robotics",
        "acme holdings inc  | Acme Holdings Inc",
        "GLOBAL WIDGETS LTD | Global Widgets Ltd",
        "Coca-Cola Company, The | The Coca-Cola Company",
        "IBM                | IBM",
        "eBay               | eBay",
    })
    void aCompanyNameIsTidiedButAnOwnSpellingKept(String raw, String full) {
        assertThat(CompanyNames.standardize(raw).full()).isEqualTo(full);
    }

    @ParameterizedTest(name = "country \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "US | US", "usa | US", "U.S.A. | US", "United States of America | US", "Deutschland | DE",
        "Allemagne | DE", "DEU | DE", "U.K. | GB", "England | GB", "Holland | NL", "España | ES",
        "Brasil | BR", "South Korea | KR", "Schweiz | CH", "Côte d’Ivoire | CI", "Germnay | DE",
    })
    void aCountryBecomesItsIso3166Code(String raw, String code) {
        assertThat(CountryCodes.code(raw)).contains(code);
    }

    @ParameterizedTest(name = "{0} state \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
        "US | California | US-CA", "US | Calif. | US-CA", "US | ny | US-NY", "US | US-TX | US-TX",
        "US | District of Columbia | US-DC", "CA | Québec | CA-QC", "CA | ON | CA-ON",
        "CA | British Columbia | CA-BC", "CA | Nfld. | CA-NL",
    })
    void aStateOrProvinceBecomesItsIso3166_2Code(String country, String raw, String code) {
        assertThat(Subdivisions.code(country, raw)).contains(code);
    }

    @ParameterizedTest(name = "industry \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "Fintech | FINANCIAL_SERVICES", "Software & SaaS | SOFTWARE", "Hospitals | HEALTHCARE",
        "Oil and Gas | ENERGY", "K-12 education | EDUCATION", "Industrial Machinery | MANUFACTURING",
        "Real Estate | REAL_ESTATE", "NGO | NONPROFIT", "financial_services | FINANCIAL_SERVICES",
    })
    void anIndustryFindsItsPlaceInTheTaxonomy(String raw, Industry industry) {
        assertThat(IndustryNames.industry(raw)).contains(industry);
    }

    @ParameterizedTest(name = "{0} \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
        "BUDGET_RANGE | $10k–$50k | 10k-50k", "BUDGET_RANGE | 50K - 100K | 50k-100k",
        "BUDGET_RANGE | Less than 10k | under-10k", "BUDGET_RANGE | 500k+ | over-500k",
        "URGENCY | ASAP | immediate", "URGENCY | Within 3 months | this-quarter",
        "URGENCY | just looking | exploring", "ROUTING_TIER | Self-Serve | self_serve",
        "ROUTING_TIER | PRIORITY | priority",
    })
    void anEnumSpellingBecomesItsValue(LeadEnums vocabulary, String raw, String value) {
        assertThat(vocabulary.canonical(raw)).contains(value);
    }

    private ValidatedLead valid(LeadEvent lead) {
        ValidationResult result = validator.validate(lead);
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).lead();
    }

    static LeadEvent lead(Map<String, String> attributes, String email, String phone, String country, String company) {
        return new LeadEvent("form", "f-1", Optional.of(Instant.parse("2026-01-05T10:15:30Z")), Optional.of(email),
                Optional.of("Jane"), Optional.of("Doe"), Optional.ofNullable(company), Optional.empty(),
                Optional.ofNullable(phone), Optional.ofNullable(country), Optional.of(true), attributes);
    }
}
