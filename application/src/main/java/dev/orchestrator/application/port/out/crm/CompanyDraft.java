package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;
import java.util.Optional;

/**
 * What we want a CRM company to say, keyed by its web domain (lower case, as CRMs compare it); an absent name is
 * left as the CRM has it.
 */
public record CompanyDraft(String domain, Optional<String> name) {
    public CompanyDraft {
        Require.notBlank("domain", domain);
        Require.present("name", name);
        domain = domain.strip().toLowerCase(Locale.ROOT);
        name = name.map(String::strip).filter(n -> !n.isEmpty());
    }
}
