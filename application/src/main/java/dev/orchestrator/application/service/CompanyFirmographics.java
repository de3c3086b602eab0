package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Merges what enrichment found onto what we knew about a company: a newer answer wins field by field. */
final class CompanyFirmographics {
    private CompanyFirmographics() {
    }

    static KnownCompany merge(String domain, Optional<KnownCompany> known, Optional<String> name, Firmographics f,
            Instant now) {
        return new KnownCompany(domain, name.or(() -> known.flatMap(KnownCompany::name)),
                known.flatMap(KnownCompany::crmId),
                f.employees().map(s -> s.value()).or(() -> known.flatMap(KnownCompany::employees)),
                f.display(FirmographicField.INDUSTRY).or(() -> known.flatMap(KnownCompany::industry)),
                f.display(FirmographicField.REVENUE_RANGE).or(() -> known.flatMap(KnownCompany::revenueRange)),
                f.display(FirmographicField.FUNDING_STAGE).or(() -> known.flatMap(KnownCompany::fundingStage)),
                f.headquarters().map(h -> h.value().countryCode()).or(() -> known.flatMap(KnownCompany::country)),
                f.headquarters().flatMap(h -> h.value().region()).or(() -> known.flatMap(KnownCompany::state)),
                f.technologies().map(s -> s.value())
                        .orElseGet(() -> known.map(KnownCompany::technologies).orElse(List.of())), now);
    }

    /** Whether two rows of one company say the same (when each was written aside). */
    static boolean sameFacts(KnownCompany a, KnownCompany b) {
        return a.domain().equals(b.domain()) && a.name().equals(b.name()) && a.crmId().equals(b.crmId())
                && a.employees().equals(b.employees()) && a.industry().equals(b.industry())
                && a.revenueRange().equals(b.revenueRange()) && a.fundingStage().equals(b.fundingStage())
                && a.country().equals(b.country()) && a.state().equals(b.state())
                && a.technologies().equals(b.technologies());
    }
}
