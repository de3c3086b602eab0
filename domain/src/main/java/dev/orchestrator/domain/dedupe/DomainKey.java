package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;

/**
 * A company's web domain reduced to what identifies it: the registrable domain ("acme.co.uk") and its label
 * without the public suffix ("acme"), so country variants of one brand agree. Computed where the public
 * suffix list lives (the application), compared here.
 */
public record DomainKey(String registrable, String label) {
    public DomainKey {
        Require.notBlank("registrable", registrable);
        Require.notBlank("label", label);
        Require.that(registrable.equals(registrable.toLowerCase(Locale.ROOT)), "registrable",
                "must be lower case");
    }

    /** The label without hyphens or digits separators, because "acme-online" and "acmeonline" are one brand. */
    public String compactLabel() {
        return Text.alnum(label);
    }
}
