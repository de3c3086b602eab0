package dev.orchestrator.application.rules;

import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.rules.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the rules read about a lead and its company, under the names docs/RULES.md gives them:
 * {@code record.email, record.first_name, record.country, record.state, record.budgetRange, …} and
 * {@code company.name, company.domain, company.employees, company.industry, company.technologies, …}.
 */
public final class LeadFacts {
    private LeadFacts() {
    }

    /** The contact's fields as text, kept with the contact so later signals are judged on the same facts. */
    public static Map<String, String> record(ValidatedLead lead) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("email", lead.email().value());
        lead.name().first().ifPresent(v -> facts.put("first_name", v));
        lead.name().last().ifPresent(v -> facts.put("last_name", v));
        lead.company().ifPresent(v -> facts.put("company", v));
        lead.companyDomain().ifPresent(v -> facts.put("company_domain", v));
        lead.phoneE164().ifPresent(v -> facts.put("phone", v));
        lead.country().ifPresent(v -> facts.put("country", v));
        lead.consent().ifPresent(v -> facts.put("consent", v.toString()));
        facts.putAll(lead.attributes());
        return facts;
    }

    public static Map<String, Value> values(Map<String, String> facts) {
        Map<String, Value> values = new LinkedHashMap<>();
        facts.forEach((key, value) -> values.put(key, Value.of(value)));
        return values;
    }

    public static Map<String, Value> company(KnownCompany company) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("domain", Value.of(company.domain()));
        company.name().ifPresent(v -> values.put("name", Value.of(v)));
        company.employees().ifPresent(v -> values.put("employees", Value.of(v.doubleValue())));
        company.industry().ifPresent(v -> values.put("industry", Value.of(v)));
        company.revenueRange().ifPresent(v -> values.put("revenue_range", Value.of(v)));
        company.fundingStage().ifPresent(v -> values.put("funding_stage", Value.of(v)));
        company.country().ifPresent(v -> values.put("country", Value.of(v)));
        company.state().ifPresent(v -> values.put("state", Value.of(v)));
        if (!company.technologies().isEmpty()) {
            values.put("technologies", Value.of(String.join(",", company.technologies())));
        }
        return values;
    }
}
