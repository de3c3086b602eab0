package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.shared.Require;

/**
 * A lead's company as the form or the CRM gave it; blank or null fields are unknown. The e-mail contributes its
 * domain unless it is a free-mail address; the phone is read in the country's numbering plan.
 *
 * @param leadId the lead's id, used as the probe's id (an indexed record never matches itself)
 */
public record MatchCompanyQuery(String leadId, String companyName, String domain, String website, String email,
                                String phone, String city, String country) {
    public MatchCompanyQuery {
        Require.notBlank("leadId", leadId);
        companyName = orEmpty(companyName);
        domain = orEmpty(domain);
        website = orEmpty(website);
        email = orEmpty(email);
        phone = orEmpty(phone);
        city = orEmpty(city);
        country = orEmpty(country);
    }

    /** A query with only the fields a lead form usually has. */
    public static MatchCompanyQuery of(String leadId, String companyName, String email, String country) {
        return new MatchCompanyQuery(leadId, companyName, "", "", email, "", "", country);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
