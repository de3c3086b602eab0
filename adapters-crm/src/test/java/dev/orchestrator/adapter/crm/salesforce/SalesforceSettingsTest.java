package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {
    private static final Map<String, String> ENV = Map.of(
            "SALESFORCE_INSTANCE_URL", "https://acme.my.salesforce.com/",
            "SALESFORCE_CLIENT_ID", "3MVG9-client",
            "SALESFORCE_CLIENT_SECRET", "secret-that-must-not-leak");

    @Test
    void the_client_secret_never_shows_in_to_string() {
        assertThat(SalesforceSettings.fromEnvironment(ENV).toString())
                .doesNotContain("secret-that-must-not-leak").contains("clientSecret=[redacted]");
    }

    @Test
    void the_token_url_defaults_to_the_orgs_own_token_endpoint() {
        SalesforceSettings settings = SalesforceSettings.fromEnvironment(ENV);

        assertThat(settings.instanceUrl()).isEqualTo(URI.create("https://acme.my.salesforce.com"));
        assertThat(settings.tokenUrl()).isEqualTo(URI.create("https://acme.my.salesforce.com/services/oauth2/token"));
        assertThat(settings.apiVersion()).isEqualTo("v62.0");
    }

    @Test
    void a_missing_client_secret_fails_fast_naming_the_variable() {
        assertThatThrownBy(() -> SalesforceSettings.fromEnvironment(Map.of(
                "SALESFORCE_INSTANCE_URL", "https://acme.my.salesforce.com", "SALESFORCE_CLIENT_ID", "x")))
                .hasMessageContaining("SALESFORCE_CLIENT_SECRET");
    }

    @Test
    void a_websites_host_is_its_domain() {
        assertThat(SalesforceCrmGateway.host("https://www.Acme.com:443/about?x=1")).isEqualTo("acme.com");
        assertThat(SalesforceCrmGateway.host("acme.com")).isEqualTo("acme.com");
    }

    @Test
    void soql_literals_escape_quotes_and_like_wildcards() {
        assertThat(Soql.quote("o'brien@x.io")).isEqualTo("'o\\'brien@x.io'");
        assertThat(Soql.quoteLike("a_b%c")).isEqualTo("'%a\\_b\\%c%'");
    }
}
