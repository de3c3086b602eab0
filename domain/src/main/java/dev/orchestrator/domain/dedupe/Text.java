package dev.orchestrator.domain.dedupe;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding shared by every normaliser: accents, case and width must never make two values differ. */
final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    static String fold(String raw) {
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    /** Letters and digits only, for keys where spacing and punctuation carry no meaning. */
    static String alnum(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
