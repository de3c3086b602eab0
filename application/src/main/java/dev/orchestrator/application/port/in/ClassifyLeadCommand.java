package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.rules.LeadFacts;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One lead to classify. */
public record ClassifyLeadCommand(ClassificationInput input) {
    /** The lead's attributes a classifier may read besides the message (names as the form field map gives them). */
    static final String[] LEAD_FIELDS = {"country", "state", "budgetRange", "urgency"};

    public ClassifyLeadCommand {
        Require.present("input", input);
    }

    /** From a validated lead and, when known, its company: the form {@code message} plus a few canonical fields. */
    public static ClassifyLeadCommand forLead(ValidatedLead lead, Optional<KnownCompany> company) {
        return forFacts(LeadFacts.record(lead), company);
    }

    /**
     * From a contact's stored facts ({@link LeadFacts#record}), so a later signal re-evaluating the rules reads the
     * same proposal again (a paid classifier answers it from its cache by input hash).
     */
    public static ClassifyLeadCommand forFacts(Map<String, String> facts, Optional<KnownCompany> company) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : LEAD_FIELDS) {
            String value = facts.get(name);
            if (value != null && !value.isBlank()) {
                fields.put(name, value);
            }
        }
        company.ifPresent(c -> {
            c.industry().ifPresent(v -> fields.put("industry", v));
            c.employees().ifPresent(v -> fields.put("employees", v.toString()));
            if (!c.technologies().isEmpty()) {
                fields.put("technologies", String.join(",", c.technologies()));
            }
        });
        Optional<String> name = company.flatMap(KnownCompany::name).or(() -> nonBlank(facts.get("company")));
        Optional<String> domain = company.map(KnownCompany::domain)
                .or(() -> nonBlank(facts.get("company_domain")));
        return new ClassifyLeadCommand(new ClassificationInput(facts.getOrDefault("message", ""), name, domain,
                fields));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
