package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What we want a deal to say. {@code pipeline} and {@code stage} are the CRM's internal values (HubSpot's pipeline
 * and stage ids, a Salesforce pipeline field and {@code StageName}); {@code closeDate} is the expected close date
 * (Salesforce requires one). The idempotency key makes a retried create the same deal.
 */
public record DealDraft(String idempotencyKey, String name, String pipeline, String stage, LocalDate closeDate,
        Optional<BigDecimal> amount, Optional<String> ownerId) {
    public DealDraft {
        Require.notBlank("idempotencyKey", idempotencyKey);
        Require.notBlank("name", name);
        Require.notBlank("pipeline", pipeline);
        Require.notBlank("stage", stage);
        Require.present("closeDate", closeDate);
        Require.present("amount", amount);
        Require.present("ownerId", ownerId);
    }
}
