package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CrmDeal;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deals through the CRM v3 object API (HubSpot's published spec addresses deals by their object type id,
 * {@code 0-3}), created by a batch upsert on our unique key property and linked with associations v4.
 * Search finds a contact's open deal through HubSpot's {@code associations.contact} search property and
 * {@code hs_is_closed}; it lags writes, which is why the create itself is keyed and never confirmed by search.
 */
final class HubSpotDeals implements CrmDeals {
    static final String DEALS = "/crm/v3/objects/0-3";
    /** HubSpot-defined association type ids: contact→deal and company→deal (unlabeled). */
    static final int CONTACT_TO_DEAL = 4;
    static final int COMPANY_TO_DEAL = 342;
    private static final List<String> PROPERTIES = List.of("dealname", "pipeline", "dealstage", "hs_is_closed");

    private final HubSpotObjects objects;

    HubSpotDeals(HubSpotObjects objects) {
        this.objects = objects;
    }

    @Override
    public Optional<CrmDeal> findOpenDeal(CrmObjectId contactId, String pipeline) {
        List<HubSpotDto.SimplePublicObject> found = objects.search("search open deal of contact " + contactId,
                DEALS, List.of(new HubSpotDto.Filter("associations.contact", "EQ", contactId.value()),
                        new HubSpotDto.Filter("pipeline", "EQ", pipeline),
                        new HubSpotDto.Filter("hs_is_closed", "EQ", "false")),
                PROPERTIES, 10);
        return found.stream().findFirst().map(deal -> {
            Map<String, String> values = Optional.ofNullable(deal.properties()).orElse(Map.of());
            return new CrmDeal(new CrmObjectId(deal.id()), values.getOrDefault("dealname", ""),
                    values.getOrDefault("pipeline", pipeline), values.getOrDefault("dealstage", ""));
        });
    }

    @Override
    public CrmObjectId createDeal(DealDraft draft) {
        return objects.upsert("deal", DEALS, draft.idempotencyKey(), properties(draft));
    }

    @Override
    public void updateDeal(CrmObjectId dealId, DealDraft draft) {
        objects.update("deal", DEALS, dealId, properties(draft));
    }

    @Override
    public void associateDealWithContact(CrmObjectId dealId, CrmObjectId contactId) {
        objects.associate("contacts", contactId, "deals", dealId, CONTACT_TO_DEAL);
    }

    @Override
    public void associateDealWithCompany(CrmObjectId dealId, CrmObjectId companyId) {
        objects.associate("companies", companyId, "deals", dealId, COMPANY_TO_DEAL);
    }

    /** Values are strings on the wire; a date property takes midnight UTC in epoch milliseconds. */
    private static Map<String, String> properties(DealDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dealname", draft.name());
        properties.put("pipeline", draft.pipeline());
        properties.put("dealstage", draft.stage());
        properties.put("closedate", Long.toString(draft.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli()));
        draft.amount().ifPresent(amount -> properties.put("amount", amount.toPlainString()));
        draft.ownerId().ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        return properties;
    }
}
