package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Map;

/**
 * The firmographic properties of a CRM company (industry, employees, HQ country and state, revenue range,
 * funding stage), read and written by {@link CompanyProfileField} key. Writing sets only the fields given; an
 * unknown company fails with {@link CrmFailure} (review).
 */
public interface CrmCompanyProfiles {
    /** The fields the CRM holds a value for; empty fields are absent. */
    Map<CompanyProfileField, String> read(CrmObjectId companyId);

    void write(CrmObjectId companyId, Map<CompanyProfileField, String> values);
}
