package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.List;
import java.util.Optional;

/**
 * The CRM the team works in (HubSpot, Salesforce, or the sandbox). Calls fail with {@link CrmFailure}, already
 * classified.
 */
public interface CrmGateway {
    String name();

    /** Search-before-create: the contact with this email, if the CRM has one. */
    Optional<CrmContact> findContactByEmail(EmailAddress email);

    CrmObjectId createContact(ContactDraft draft);

    void updateContact(CrmObjectId id, ContactDraft draft);

    /** Search-before-create for companies: the company with this web domain, if the CRM has one. */
    Optional<CrmCompany> findCompanyByDomain(String domain);

    CrmObjectId createCompany(CompanyDraft draft);

    void updateCompany(CrmObjectId id, CompanyDraft draft);

    /** Links a contact to its company; doing it again changes nothing. */
    void associateContactWithCompany(CrmObjectId contactId, CrmObjectId companyId);

    /** Everyone records can be assigned to, active and deactivated. */
    List<CrmOwner> owners();

    CrmHealth health();

    /**
     * Erases the contact with the CRM's own deletion (HubSpot's GDPR delete, a Salesforce delete): a person's
     * right to be forgotten reaches the team's copy too. A contact the CRM no longer holds is already forgotten.
     */
    void forgetContact(CrmObjectId id);
}
