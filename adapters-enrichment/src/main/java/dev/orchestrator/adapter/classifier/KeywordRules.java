package dev.orchestrator.adapter.classifier;

import dev.orchestrator.domain.classification.FailureCategory;
import dev.orchestrator.domain.classification.StackItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The offline classifier's rule file (see {@code classifier/offline-rules.txt} for the format), parsed once. A
 * malformed line is refused with its number, so a bad edit fails at start-up instead of classifying silently
 * wrong. {@code version} is the file's SHA-256 prefix: the trace shows which rules read a lead.
 */
record KeywordRules(List<Rule> rules, String version) {
    static final String RESOURCE = "/classifier/offline-rules.txt";

    KeywordRules {
        rules = List.copyOf(rules);
    }

    enum Flag {
        URGENT, HESITANT, DISQUALIFY
    }

    /** The text a rule reads: lower-cased raw text for patterns, and a word-normalized form for phrases. */
    record Text(String lower, String words, Map<String, String> fields) {
        static Text of(String raw, Map<String, String> fields) {
            String lower = raw.toLowerCase(Locale.ROOT);
            return new Text(lower, " " + normalize(lower) + " ", fields);
        }
    }

    sealed interface Match permits Words, Regex, FieldAtLeast {
        boolean test(Text text);
    }

    /** {@code spaced}: each phrase between spaces, as it must stand in the text's words (made once, not per lead). */
    record Words(List<String> phrases, List<String> spaced) implements Match {
        Words(List<String> phrases) {
            this(List.copyOf(phrases), phrases.stream().map(phrase -> " " + phrase + " ").toList());
        }

        @Override
        public boolean test(Text text) {
            for (String phrase : spaced) {
                if (text.words().contains(phrase)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Regex(Pattern pattern) implements Match {
        @Override
        public boolean test(Text text) {
            return pattern.matcher(text.lower()).find();
        }
    }

    record FieldAtLeast(String field, double threshold) implements Match {
        @Override
        public boolean test(Text text) {
            OptionalDouble value = number(text.fields().get(field));
            return value.isPresent() && value.getAsDouble() >= threshold;
        }
    }

    record Rule(String id, Match match, int score, Optional<StackItem> stack, Optional<FailureCategory> failure,
            Set<Flag> flags) {
        Rule {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        }
    }

    static KeywordRules shipped() {
        try (InputStream in = KeywordRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the offline classifier rules " + RESOURCE
                        + " are not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeywordRules parse(String file) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = file.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(rule(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("offline classifier rules, line " + (i + 1) + ": " + e.getMessage(),
                        e);
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("offline classifier rules: no rule in the file");
        }
        return new KeywordRules(rules, "offline-rules@" + sha256(file).substring(0, 12));
    }

    private static Rule rule(String line) {
        String[] parts = line.split(" \\| ", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected 'id | match | effects' but found " + parts.length
                    + " part(s)");
        }
        String id = parts[0].strip();
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a rule id is lower-case letters, digits and '-', not '" + id + "'");
        }
        Match match = match(parts[1].strip());
        int score = 0;
        Optional<StackItem> stack = Optional.empty();
        Optional<FailureCategory> failure = Optional.empty();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String effect : parts[2].split(",")) {
            String[] words = effect.strip().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("an effect is 'name value', not '" + effect.strip() + "'");
            }
            switch (words[0]) {
                case "score" -> score += Integer.parseInt(words[1].replace("+", ""));
                case "stack" -> stack = Optional.of(StackItem.fromKey(words[1])
                        .orElseThrow(() -> new IllegalArgumentException("unknown stack item '" + words[1] + "'")));
                case "failure" -> failure = Optional.of(FailureCategory.fromKey(words[1])
                        .orElseThrow(() -> new IllegalArgumentException(
                                "unknown failure category '" + words[1] + "'")));
                case "flag" -> flags.add(flag(words[1]));
                default -> throw new IllegalArgumentException("unknown effect '" + words[0] + "'");
            }
        }
        return new Rule(id, match, score, stack, failure, flags);
    }

    private static Flag flag(String name) {
        for (Flag flag : Flag.values()) {
            if (flag.name().toLowerCase(Locale.ROOT).equals(name)) {
                return flag;
            }
        }
        throw new IllegalArgumentException("unknown flag '" + name + "'");
    }

    private static Match match(String text) {
        if (text.startsWith("words:")) {
            List<String> phrases = new ArrayList<>();
            for (String phrase : text.substring("words:".length()).split(",")) {
                String normalized = normalize(phrase.toLowerCase(Locale.ROOT));
                if (!normalized.isEmpty()) {
                    phrases.add(normalized);
                }
            }
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("'words:' needs at least one phrase");
            }
            return new Words(phrases);
        }
        if (text.startsWith("regex:")) {
            try {
                return new Regex(Pattern.compile(text.substring("regex:".length()).strip(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex: " + e.getDescription(), e);
            }
        }
        if (text.startsWith("field:")) {
            String[] words = text.substring("field:".length()).strip().split("\\s+");
            if (words.length != 3 || !words[1].equals(">=") || number(words[2]).isEmpty()) {
                throw new IllegalArgumentException("'field:' is 'field: NAME >= NUMBER', not '" + text + "'");
            }
            return new FieldAtLeast(words[0], number(words[2]).getAsDouble());
        }
        throw new IllegalArgumentException("a match starts with 'words:', 'regex:' or 'field:', not '" + text + "'");
    }

    /** Letters and digits only, single spaces: "SOC-2," and "soc 2" read alike. */
    static String normalize(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    private static OptionalDouble number(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
