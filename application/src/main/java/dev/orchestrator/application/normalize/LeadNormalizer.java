package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.intake.LeadEvent;

/** One source's field map: its payload shape in, the canonical {@link LeadEvent} out. */
public interface LeadNormalizer {
    /** The field map's version, recorded in the audit trail with every normalization. */
    String version();

    LeadEvent normalize(String source, String deliveryId, PayloadTree payload);
}
