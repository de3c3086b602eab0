package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import java.net.http.HttpClient;

/** The one public way to a Salesforce {@link CrmGateway}. */
public final class SalesforceAdapter {
    private SalesforceAdapter() {
    }

    public static CrmGateway create(SalesforceSettings settings, HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        Secrets secrets = new Secrets(settings.clientSecret());
        SalesforceTokens tokens = new SalesforceTokens(settings, http, json, secrets);
        SalesforceErrors errors = new SalesforceErrors(json, secrets, settings.fieldMap());
        return new SalesforceCrmGateway(new SalesforceHttp(settings, http, tokens, json, secrets), errors,
                settings.fieldMap(), json);
    }
}
