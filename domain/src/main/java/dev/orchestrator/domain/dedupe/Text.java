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
        if (isAscii(raw)) {
            return raw.toLowerCase(Locale.ROOT).strip();
        }
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs of anything but ASCII letters (and digits, when kept) become one space; the result is stripped.
     * Expects folded text.
     */
    static String spaced(String folded, boolean keepDigits) {
        StringBuilder out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (keepDigits && c >= '0' && c <= '9');
            if (keep) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** ASCII digits only. */
    static String digits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Letters and digits only, for keys where spacing and punctuation carry no meaning. */
    static String alnum(String folded) {
        int clean = 0;
        while (clean < folded.length() && Character.isLetterOrDigit(folded.charAt(clean))) {
            clean++;
        }
        if (clean == folded.length()) {
            return folded;
        }
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
