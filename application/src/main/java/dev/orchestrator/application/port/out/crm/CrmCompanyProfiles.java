package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The firmographic properties of a CRM company (industry, employees, HQ country and state, revenue range,
 * funding stage), read and written by {@link CompanyProfileField} key. Writing sets only the fields given; an
 * unknown company fails with {@link CrmFailure} (review).
 */
public interface CrmCompanyProfiles {
    /**
     * The fields this CRM has a place for (a HubSpot portal has no default revenue-range or funding-stage
     * property, for one); the others are neither read nor written.
     */
    default Set<CompanyProfileField> fields() {
        return EnumSet.allOf(CompanyProfileField.class);
    }

    /** The fields the CRM holds a value for; empty fields are absent. */
    Map<CompanyProfileField, String> read(CrmObjectId companyId);

    void write(CrmObjectId companyId, Map<CompanyProfileField, String> values);
}
