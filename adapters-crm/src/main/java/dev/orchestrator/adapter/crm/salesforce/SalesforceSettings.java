package dev.orchestrator.adapter.crm.salesforce;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one Salesforce org with the OAuth 2.0 client-credentials flow. The client secret is never shown by
 * {@link #toString()} and is scrubbed from every error message the adapter builds.
 */
public record SalesforceSettings(URI instanceUrl, URI tokenUrl, String clientId, String clientSecret,
        String apiVersion, Duration requestTimeout, SalesforceFieldMap fieldMap) {

    public static final String DEFAULT_API_VERSION = "v62.0";

    public SalesforceSettings {
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(fieldMap, "fieldMap");
        required("SALESFORCE_CLIENT_ID", clientId);
        required("SALESFORCE_CLIENT_SECRET", clientSecret);
        if (apiVersion == null || !apiVersion.matches("v\\d+\\.\\d")) {
            throw new IllegalArgumentException("Salesforce API version must look like v62.0, not " + apiVersion);
        }
        instanceUrl = withoutTrailingSlash(instanceUrl);
    }

    /** The org's My Domain URL; the token endpoint is the org's own {@code /services/oauth2/token}. */
    public static SalesforceSettings of(URI instanceUrl, String clientId, String clientSecret) {
        URI base = withoutTrailingSlash(Objects.requireNonNull(instanceUrl, "SALESFORCE_INSTANCE_URL"));
        return new SalesforceSettings(base, URI.create(base + "/services/oauth2/token"), clientId, clientSecret,
                DEFAULT_API_VERSION, Duration.ofSeconds(10), SalesforceFieldMap.defaults());
    }

    /**
     * Reads {@code SALESFORCE_INSTANCE_URL}, {@code SALESFORCE_CLIENT_ID}, {@code SALESFORCE_CLIENT_SECRET}
     * (required) and {@code SALESFORCE_TOKEN_URL} (optional).
     */
    public static SalesforceSettings fromEnvironment(Map<String, String> env) {
        String instance = env.get("SALESFORCE_INSTANCE_URL");
        required("SALESFORCE_INSTANCE_URL", instance);
        SalesforceSettings settings = of(URI.create(instance.strip()), env.get("SALESFORCE_CLIENT_ID"),
                env.get("SALESFORCE_CLIENT_SECRET"));
        String tokenUrl = env.get("SALESFORCE_TOKEN_URL");
        return tokenUrl == null || tokenUrl.isBlank() ? settings : settings.withTokenUrl(URI.create(tokenUrl.strip()));
    }

    public SalesforceSettings withTokenUrl(URI newTokenUrl) {
        return new SalesforceSettings(instanceUrl, newTokenUrl, clientId, clientSecret, apiVersion, requestTimeout,
                fieldMap);
    }

    public SalesforceSettings withFieldMap(SalesforceFieldMap newFieldMap) {
        return new SalesforceSettings(instanceUrl, tokenUrl, clientId, clientSecret, apiVersion, requestTimeout,
                newFieldMap);
    }

    @Override
    public String toString() {
        return "SalesforceSettings[instanceUrl=" + instanceUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=[redacted], apiVersion=" + apiVersion + ", requestTimeout=" + requestTimeout
                + ", fieldMap=" + fieldMap + "]";
    }

    private static void required(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Salesforce setting " + variable + " is required");
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
