package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.adapter.enrichment.apollo.ApolloAdapter;
import dev.orchestrator.adapter.enrichment.apollo.ApolloSettings;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitAdapter;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitSettings;
import dev.orchestrator.adapter.enrichment.sandbox.SandboxEnrichment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the composition root reads from the environment for enrichment: the provider order
 * ({@code ENRICHMENT_PROVIDERS}), a policy per provider, the waterfall's bounds, and the settings of the HTTP
 * providers that are in the order. Checked when built, so a missing key fails at start-up, not on the first lead.
 */
public record EnrichmentSettings(List<String> providerOrder, Map<String, ProviderPolicy> policies,
        WaterfallSettings waterfall, Optional<ClearbitSettings> clearbit, Optional<ApolloSettings> apollo) {

    public static final List<String> KNOWN_PROVIDERS = List.of(ClearbitAdapter.NAME, ApolloAdapter.NAME,
            SandboxEnrichment.NAME);

    public EnrichmentSettings {
        providerOrder = List.copyOf(providerOrder);
        policies = Map.copyOf(policies);
        Objects.requireNonNull(waterfall, "waterfall");
        Objects.requireNonNull(clearbit, "clearbit");
        Objects.requireNonNull(apollo, "apollo");
        if (providerOrder.isEmpty()) {
            throw new IllegalArgumentException("ENRICHMENT_PROVIDERS names no provider");
        }
        for (String provider : providerOrder) {
            if (!KNOWN_PROVIDERS.contains(provider)) {
                throw new IllegalArgumentException("ENRICHMENT_PROVIDERS: unknown provider '" + provider
                        + "' (known: " + String.join(", ", KNOWN_PROVIDERS) + ")");
            }
        }
        if (providerOrder.contains(ClearbitAdapter.NAME) && clearbit.isEmpty()) {
            throw new IllegalArgumentException("ENRICHMENT_PROVIDERS includes clearbit but CLEARBIT_KEY is not set");
        }
        if (providerOrder.contains(ApolloAdapter.NAME) && apollo.isEmpty()) {
            throw new IllegalArgumentException("ENRICHMENT_PROVIDERS includes apollo but APOLLO_KEY is not set");
        }
    }

    /** The default run: the offline sandbox file only. */
    public static EnrichmentSettings sandboxOnly() {
        return new EnrichmentSettings(List.of(SandboxEnrichment.NAME), Map.of(), WaterfallSettings.defaults(),
                Optional.empty(), Optional.empty());
    }

    /** {@code "clearbit, Apollo,sandbox"} → [clearbit, apollo, sandbox]; unset or blank → [sandbox]. */
    public static List<String> parseProviderOrder(String value) {
        if (value == null || value.isBlank()) {
            return List.of(SandboxEnrichment.NAME);
        }
        List<String> order = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (order.contains(name)) {
                throw new IllegalArgumentException("ENRICHMENT_PROVIDERS names '" + name + "' twice");
            }
            order.add(name);
        }
        return List.copyOf(order);
    }

    public ProviderPolicy policy(String provider) {
        return policies.getOrDefault(provider, ProviderPolicy.defaults());
    }
}
