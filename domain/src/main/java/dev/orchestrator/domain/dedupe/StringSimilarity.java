package dev.orchestrator.domain.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hand-written string measures, because the domain is JDK-only and the matcher needs only these few. */
public final class StringSimilarity {
    private StringSimilarity() {
    }

    /** Jaro-Winkler similarity in [0, 1]; the prefix bonus rewards the way typists keep the start of a word. */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0.0 : 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /**
     * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), stopping early once
     * it exceeds {@code max}: callers only ask "is this within a typo or two", never for large distances.
     *
     * @return the distance, or {@code max + 1} when it is larger than {@code max}
     */
    public static int editDistance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        int big = max + 1;
        if (Math.abs(la - lb) > max) {
            return big;
        }
        if (max == 0) {
            return a.equals(b) ? 0 : 1;
        }
        // Only cells within max of the diagonal can stay within max, so each row computes that band alone.
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j <= max ? j : big;
        }
        for (int i = 1; i <= la; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(lb, i + max);
            cur[0] = i <= max ? i : big;
            cur[from - 1] = from == 1 ? cur[0] : big;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                v = Math.min(v, big);
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (to < lb) {
                cur[to + 1] = big;
            }
            if (rowMin > max) {
                return big;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[lb], big);
    }

    /** The same letters in another order ("Tmhsomo" for "Thomson"): a shuffle, not another word. */
    public static boolean sameLetters(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        char[] ca = a.toCharArray();
        char[] cb = b.toCharArray();
        Arrays.sort(ca);
        Arrays.sort(cb);
        return Arrays.equals(ca, cb);
    }

    /** |A ∩ B| / |smaller set|: 1.0 when every token of the shorter name appears in the longer one. */
    public static double tokenContainment(Collection<String> a, Collection<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Set<String> sa = new HashSet<>(a);
        Set<String> sb = new HashSet<>(b);
        int smaller = Math.min(sa.size(), sb.size());
        sa.retainAll(sb);
        return (double) sa.size() / smaller;
    }

    /** Jaccard similarity of two token sets (names have a handful of words, so lists beat hash sets). */
    public static double tokenJaccard(List<String> a, List<String> b) {
        List<String> ua = distinct(a);
        List<String> ub = distinct(b);
        if (ua.isEmpty() && ub.isEmpty()) {
            return 0.0;
        }
        int common = 0;
        for (String t : ua) {
            if (ub.contains(t)) {
                common++;
            }
        }
        return (double) common / (ua.size() + ub.size() - common);
    }

    private static List<String> distinct(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
