package dev.orchestrator.adapter.enrichment.support;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One spelling for a technology across providers: Clearbit says {@code google_apps}, Apollo says
 * {@code Google Apps}; both become {@code google_apps}.
 */
public final class Technologies {
    private Technologies() {
    }

    public static String slug(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    public static List<String> slugs(Collection<String> names) {
        LinkedHashSet<String> slugs = new LinkedHashSet<>();
        names.stream().filter(Objects::nonNull).map(Technologies::slug).filter(s -> !s.isEmpty())
                .forEach(slugs::add);
        return List.copyOf(slugs);
    }
}
