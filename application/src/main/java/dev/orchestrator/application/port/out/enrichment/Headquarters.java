package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a company has its head office: ISO 3166-1 alpha-2 country and, where known, the state or province: its
 * ISO 3166-2 code without the country prefix where one is known ({@code CA} for California), else its name.
 */
public record Headquarters(String countryCode, Optional<String> region) {
    public Headquarters {
        Require.notBlank("countryCode", countryCode);
        Require.that(countryCode.length() == 2 && countryCode.equals(countryCode.toUpperCase(Locale.ROOT)),
                "countryCode", "must be an upper-case ISO 3166-1 alpha-2 code");
        Require.present("region", region);
        region = region.map(String::strip).filter(r -> !r.isEmpty());
    }

    public static Headquarters of(String countryCode, String region) {
        return new Headquarters(countryCode, Optional.ofNullable(region));
    }
}
