package dev.orchestrator.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit event's evidence as a page shows it. The rules engine records each condition under
 * {@code condition.N.expr}, {@code condition.N.result} and {@code condition.N.values[.field]}; those become
 * condition rows with ✓/✗. Every other entry is shown as it is, with ✓/✗ for keys ending in {@code .result}.
 */
public record Evidence(List<Condition> conditions, List<Entry> entries) {
    private static final Pattern CONDITION = Pattern.compile("condition\\.(\\d+)\\.(expr|result|values)(?:\\.(.+))?");

    public record Condition(String number, String expr, String mark, String markClass, List<Entry> values) {
    }

    /** One entry; {@code mark} is ✓ or ✗ for a {@code .result} entry, else empty. */
    public record Entry(String key, String value, String mark, String markClass) {
    }

    public boolean isEmpty() {
        return conditions.isEmpty() && entries.isEmpty();
    }

    public static Evidence of(Map<String, String> evidence) {
        TreeMap<Integer, Map<String, String>> parts = new TreeMap<>();
        TreeMap<Integer, List<Entry>> values = new TreeMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            Matcher m = CONDITION.matcher(e.getKey());
            if (m.matches() && (m.group(2).equals("values") || m.group(3) == null)) {
                int n = Integer.parseInt(m.group(1));
                if (m.group(2).equals("values")) {
                    values.computeIfAbsent(n, k -> new ArrayList<>())
                            .add(entry(m.group(3) == null ? "values" : m.group(3), e.getValue()));
                } else {
                    parts.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(m.group(2), e.getValue());
                }
                parts.computeIfAbsent(n, k -> new LinkedHashMap<>());
            } else {
                entries.add(entry(e.getKey(), e.getValue()));
            }
        }
        List<Condition> conditions = new ArrayList<>();
        parts.forEach((n, p) -> {
            String result = p.getOrDefault("result", "");
            conditions.add(new Condition(Integer.toString(n), p.getOrDefault("expr", ""), mark(result),
                    markClass(result), values.getOrDefault(n, List.of())));
        });
        return new Evidence(conditions, entries);
    }

    private static Entry entry(String key, String value) {
        if (key.endsWith(".result") || key.equals("result")) {
            return new Entry(key, value, mark(value), markClass(value));
        }
        return new Entry(key, value, "", "");
    }

    static String mark(String result) {
        return switch (result.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "pass", "passed", "yes", "1" -> "✓";
            case "false", "fail", "failed", "no", "0" -> "✗";
            default -> "";
        };
    }

    private static String markClass(String result) {
        String mark = mark(result);
        return mark.equals("✓") ? "ok" : mark.equals("✗") ? "ko" : "";
    }
}
