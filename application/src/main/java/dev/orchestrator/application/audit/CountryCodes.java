package dev.orchestrator.application.audit;

import java.util.Optional;

/**
 * The seam for country values: whether a value is already an ISO 3166-1 alpha-2 code, and the code a free-text
 * name stands for. The intake standardizer can take this place; {@link IsoCountryCodes} is the JDK's own list.
 */
public interface CountryCodes {
    boolean isStandard(String value);

    Optional<String> toIso(String value);
}
