package dev.orchestrator.web.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A YAML document read into maps, lists and scalars that remember their line and column, so every later
 * refusal (a wrong type, an unknown key, a bad condition) can point at the place in the file.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private YamlTree() {
    }

    record Mark(int line, int column) {
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Mark mark();

        String describe();
    }

    record Entry(String key, Mark keyMark, Node value) {
    }

    record MapNode(Mark mark, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }

        Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key)).map(Entry::value);
        }

        Node require(String key, String what) {
            return get(key).orElseThrow(() -> new RulesetSyntaxError(mark.line(), mark.column(),
                    "expected key '" + key + "' (" + what + ")"));
        }

        /** Refuses keys outside {@code allowed}, naming the allowed ones: typos should not pass silently. */
        void allowOnly(Set<String> allowed, String where) {
            for (Entry entry : entries.values()) {
                if (!allowed.contains(entry.key())) {
                    throw new RulesetSyntaxError(entry.keyMark().line(), entry.keyMark().column(),
                            "expected one of " + allowed.stream().sorted().collect(Collectors.joining(", "))
                                    + " in " + where + " but found '" + entry.key() + "'");
                }
            }
        }
    }

    record ListNode(Mark mark, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** {@code contentColumn} is where the text itself starts: one past the opening quote of a quoted scalar. */
    record Scalar(Mark mark, String text, ScalarKind kind, int contentColumn) implements Node {
        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "nothing" : "'" + text + "'";
        }
    }

    static Node read(String text) {
        String[] lines = text.split("\r?\n", -1);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new RulesetSyntaxError(1, 1, "expected a YAML mapping but the file is empty");
            }
            Node root = node(parser, token, lines);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                Mark mark = mark(parser.currentTokenLocation());
                throw new RulesetSyntaxError(mark.line(), mark.column(), "expected a single YAML document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            String message = e.getOriginalMessage() == null ? "not valid YAML"
                    : e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
            throw new RulesetSyntaxError(line, column, "expected valid YAML: " + message);
        } catch (IOException e) {
            throw new RulesetSyntaxError(1, 1, "expected readable YAML: " + e.getMessage());
        }
    }

    private static Node node(JsonParser parser, JsonToken token, String[] lines) throws IOException {
        Mark mark = mark(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Mark keyMark = mark(parser.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new RulesetSyntaxError(keyMark.line(), keyMark.column(),
                                "expected each key once but found '" + key + "' again");
                    }
                    Node value = node(parser, parser.nextToken(), lines);
                    entries.put(key, new Entry(key, keyMark, value));
                    assert next == JsonToken.FIELD_NAME;
                }
                return new MapNode(mark, Collections.unmodifiableMap(entries));
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(parser, next, lines));
                }
                return new ListNode(mark, List.copyOf(items));
            }
            case VALUE_STRING:
                return new Scalar(mark, parser.getText(), ScalarKind.STRING, contentColumn(mark, lines));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                // YAML 1.1 numbers such as 0x1F or 1_000 stay text: only plain decimals are numbers here
                String text = parser.getText();
                ScalarKind kind = PLAIN_NUMBER.matcher(text).matches() ? ScalarKind.NUMBER : ScalarKind.STRING;
                return new Scalar(mark, text, kind, mark.column());
            }
            case VALUE_TRUE:
            case VALUE_FALSE: {
                // YAML 1.1 reads NO (Norway), yes, on, off as flags; only true and false are flags here
                String text = parser.getText();
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return new Scalar(mark, text.toLowerCase(java.util.Locale.ROOT), ScalarKind.BOOLEAN,
                            mark.column());
                }
                return new Scalar(mark, text, ScalarKind.STRING, mark.column());
            }
            case VALUE_NULL:
                return new Scalar(mark, "", ScalarKind.NULL, mark.column());
            default:
                throw new RulesetSyntaxError(mark.line(), mark.column(), "expected a value but found " + token);
        }
    }

    private static int contentColumn(Mark mark, String[] lines) {
        if (mark.line() - 1 < lines.length) {
            String line = lines[mark.line() - 1];
            int index = mark.column() - 1;
            if (index >= 0 && index < line.length() && (line.charAt(index) == '"' || line.charAt(index) == '\'')) {
                return mark.column() + 1;
            }
        }
        return mark.column();
    }

    private static Mark mark(JsonLocation location) {
        return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
