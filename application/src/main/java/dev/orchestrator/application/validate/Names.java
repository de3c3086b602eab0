package dev.orchestrator.application.validate;

import java.text.Normalizer;
import java.util.Locale;

/** The key free text is looked up by: accents folded, lower case, punctuation to spaces, spaces collapsed. */
final class Names {
    private Names() {
    }

    static String key(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
