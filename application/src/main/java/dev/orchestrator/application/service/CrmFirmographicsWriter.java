package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.WrittenFields;
import dev.orchestrator.application.port.out.WrittenFields.Written;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.merge.FieldValue;
import dev.orchestrator.domain.merge.MergeOutcome;
import dev.orchestrator.domain.merge.MergePolicy;
import dev.orchestrator.domain.merge.SourceRanking;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes enriched firmographics to the CRM company under the merge policy. Who put a CRM value there is read from
 * what we last wrote ({@link WrittenFields}): the same value is ours (enrichment, with its provider and time), any
 * other value was entered by a person ({@code crm-user}), which enrichment never overwrites unless the field is
 * trusted-refresh. Only the fields the policy applies are sent, and each is remembered as ours.
 */
public final class CrmFirmographicsWriter {
    static final String COMPANY = "company";

    private final CrmCompanyProfiles profiles;
    private final WrittenFields written;
    private final MergePolicy policy;
    private final String crmName;

    public CrmFirmographicsWriter(CrmCompanyProfiles profiles, WrittenFields written, MergePolicy policy,
            String crmName) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.written = Objects.requireNonNull(written, "written");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.crmName = Objects.requireNonNull(crmName, "crmName");
    }

    /** One outcome per field the enrichment offers, in {@link CompanyProfileField} order. */
    public List<MergeOutcome> write(CrmObjectId companyId, Firmographics enriched, Instant now) {
        Map<String, FieldValue> offered = offered(enriched, now);
        // a field the CRM has no place for would be "written" again on every lead, and audited each time
        offered.keySet().retainAll(profiles.fields().stream().map(CompanyProfileField::key).toList());
        if (offered.isEmpty()) {
            return List.of();
        }
        Map<CompanyProfileField, String> inCrm = profiles.read(companyId);
        Map<String, Written> ours = written.find(COMPANY, companyId.value());
        Map<String, FieldValue> current = new LinkedHashMap<>();
        inCrm.forEach((field, value) -> current.put(field.key(), held(value, Optional.ofNullable(ours.get(field.key())))));
        List<MergeOutcome> outcomes = policy.decideAll(current, offered);
        Map<CompanyProfileField, String> changes = new EnumMap<>(CompanyProfileField.class);
        List<Written> remembered = outcomes.stream().filter(MergeOutcome::changes).map(o -> {
            changes.put(CompanyProfileField.valueOf(o.field().toUpperCase(java.util.Locale.ROOT)), o.result().value());
            FieldValue v = o.result();
            return new Written(o.field(), v.value(), v.source(), v.detail(), v.confidence(), now);
        }).toList();
        if (!changes.isEmpty()) {
            profiles.write(companyId, changes);
            written.record(COMPANY, companyId.value(), remembered);
        }
        return outcomes;
    }

    /** Ours when it is still what we wrote; otherwise a person typed it, at a time we do not know. */
    private FieldValue held(String value, Optional<Written> ours) {
        return ours.filter(w -> w.value().equals(value))
                .map(w -> new FieldValue(value, w.source(), w.provider(), w.at(), w.confidence()))
                .orElseGet(() -> new FieldValue(value, SourceRanking.CRM_USER, crmName, Instant.MIN, 1.0));
    }

    static Map<String, FieldValue> offered(Firmographics f, Instant now) {
        Map<String, FieldValue> offered = new LinkedHashMap<>();
        put(offered, CompanyProfileField.INDUSTRY, f.display(FirmographicField.INDUSTRY), f.industry(), now);
        put(offered, CompanyProfileField.EMPLOYEES, f.employees().map(s -> Integer.toString(s.value())),
                f.employees(), now);
        put(offered, CompanyProfileField.COUNTRY, f.headquarters().map(h -> h.value().countryCode()),
                f.headquarters(), now);
        put(offered, CompanyProfileField.STATE, f.headquarters().flatMap(h -> h.value().region()), f.headquarters(),
                now);
        put(offered, CompanyProfileField.REVENUE_RANGE, f.display(FirmographicField.REVENUE_RANGE), f.revenueRange(),
                now);
        put(offered, CompanyProfileField.FUNDING_STAGE, f.display(FirmographicField.FUNDING_STAGE), f.fundingStage(),
                now);
        return offered;
    }

    private static void put(Map<String, FieldValue> offered, CompanyProfileField field, Optional<String> value,
            Optional<? extends Sourced<?>> source, Instant now) {
        if (value.isPresent() && !value.get().isBlank() && source.isPresent()) {
            offered.put(field.key(), new FieldValue(value.get(), SourceRanking.ENRICHMENT, source.get().provider(),
                    now, source.get().confidence()));
        }
    }
}
