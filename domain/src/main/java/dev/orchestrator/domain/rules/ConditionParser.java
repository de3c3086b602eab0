package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hand-written parser of the condition language (see docs/RULES.md). Every refusal names the 1-based column
 * and what was expected there, because the person reading it is editing YAML, not Java.
 */
public final class ConditionParser {
    private static final String FIELDS = "a field (company.<name>, record.<name>, deal.<name>, score.fit|behavior|total, "
            + "owner.id|assigned|active|out_of_office|open_leads, ai.<field>, stage, days_since_last_activity) "
            + "or 'signal'";
    private static final String OPERATORS =
            "an operator (==, !=, >=, >, <=, <, in, not in, contains, between, exists, missing)";
    private static final String STAGES = Arrays.stream(LifecycleStage.values()).map(LifecycleStage::key)
            .collect(Collectors.joining(", "));

    private ConditionParser() {
    }

    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException(1, "expected a condition but found nothing");
        }
        return new Run(tokenize(text)).condition();
    }

    private enum Kind { WORD, NUMBER, DURATION, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int column) {
        String shown() {
            return kind == Kind.END ? "the end of the condition" : "'" + text + "'";
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                tokens.add(new Token(Kind.OPEN, "[", column));
                i++;
            } else if (c == ']') {
                tokens.add(new Token(Kind.CLOSE, "]", column));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", column));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConditionSyntaxException(column, "expected a closing " + c + " for this text");
                }
                tokens.add(new Token(Kind.STRING, text.substring(i + 1, end), column));
                i = end + 1;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                boolean twoChars = i + 1 < n && text.charAt(i + 1) == '=';
                String symbol = twoChars ? text.substring(i, i + 2) : String.valueOf(c);
                if (symbol.equals("=") || symbol.equals("!")) {
                    throw new ConditionSyntaxException(column, "expected " + OPERATORS + " but found '" + symbol
                            + "' (equality is written ==)");
                }
                tokens.add(new Token(Kind.OPERATOR, symbol, column));
                i += symbol.length();
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                int unitStart = i;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                Kind kind = unitStart == i ? Kind.NUMBER : Kind.DURATION;
                if (kind == Kind.NUMBER && !text.substring(start, i).matches("-?\\d+(\\.\\d+)?")) {
                    throw new ConditionSyntaxException(column, "expected a number but found '"
                            + text.substring(start, i) + "'");
                }
                tokens.add(new Token(kind, text.substring(start, i), column));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), column));
            } else {
                throw new ConditionSyntaxException(column, "expected " + FIELDS + ", a value or an operator but found '"
                        + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, "", n + 1));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '@' || c == '#';
    }

    private static final class Run {
        private final List<Token> tokens;
        private int position;

        Run(List<Token> tokens) {
            this.tokens = tokens;
        }

        Condition condition() {
            Token first = peek();
            Condition condition;
            if (first.isWord("signal")) {
                next();
                condition = signal();
            } else if (first.kind() == Kind.WORD) {
                next();
                condition = fieldCondition(first, path(first));
            } else {
                throw expected(FIELDS, first);
            }
            Token end = peek();
            if (end.kind() != Kind.END) {
                throw expected("the end of the condition", end);
            }
            return condition;
        }

        private Condition signal() {
            Token what = next();
            boolean any = false;
            List<String> types;
            if (what.isWord("any")) {
                any = true;
                types = list("a signal type").stream().map(Literal::source).collect(Collectors.toList());
            } else if (what.kind() == Kind.WORD) {
                types = List.of(what.text().toLowerCase(Locale.ROOT));
            } else {
                throw expected("a signal type (e.g. pricing_page_view) or 'any [...]'", what);
            }
            Optional<Condition.CountCheck> count = Optional.empty();
            if (peek().isWord("count")) {
                next();
                Token op = next();
                if (op.kind() != Kind.OPERATOR) {
                    throw expected("a comparison after 'count' (>=, >, ==, !=, <=, <)", op);
                }
                Token number = next();
                if (number.kind() != Kind.NUMBER || !number.text().matches("\\d+")) {
                    throw expected("a whole number of signals", number);
                }
                count = Optional.of(new Condition.CountCheck(ComparisonOperator.fromSymbol(op.text()).orElseThrow(),
                        Integer.parseInt(number.text())));
            }
            Token within = next();
            if (!within.isWord("within")) {
                throw expected(count.isPresent() ? "'within'" : "'count' or 'within'", within);
            }
            Token window = next();
            return new Condition.SignalCount(types.stream().map(t -> t.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toList()), any, count, duration(window), window.text());
        }

        private Duration duration(Token token) {
            if (token.kind() != Kind.DURATION || !token.text().matches("\\d+[dhw]")) {
                throw expected("a time window such as 30d, 12h or 2w", token);
            }
            long amount = Long.parseLong(token.text().substring(0, token.text().length() - 1));
            if (amount == 0) {
                throw new ConditionSyntaxException(token.column(), "expected a time window longer than zero");
            }
            return switch (token.text().charAt(token.text().length() - 1)) {
                case 'h' -> Duration.ofHours(amount);
                case 'w' -> Duration.ofDays(amount * 7);
                default -> Duration.ofDays(amount);
            };
        }

        private FieldPath path(Token token) {
            String text = token.text().toLowerCase(Locale.ROOT);
            if (text.equals("stage")) {
                return new FieldPath(FieldPath.Namespace.STAGE, "");
            }
            if (text.equals("days_since_last_activity")) {
                return new FieldPath(FieldPath.Namespace.DAYS_SINCE_LAST_ACTIVITY, "");
            }
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw expected(FIELDS, token);
            }
            String prefix = text.substring(0, dot);
            String name = text.substring(dot + 1);
            FieldPath.Namespace namespace = switch (prefix) {
                case "record", "contact" -> FieldPath.Namespace.RECORD;
                case "company" -> FieldPath.Namespace.COMPANY;
                case "deal" -> FieldPath.Namespace.DEAL;
                case "score" -> FieldPath.Namespace.SCORE;
                case "owner" -> FieldPath.Namespace.OWNER;
                case "ai" -> FieldPath.Namespace.AI;
                default -> throw expected(FIELDS, token);
            };
            if (namespace == FieldPath.Namespace.SCORE && !FieldPath.SCORE_FIELDS.contains(name)) {
                throw expected("score.fit, score.behavior or score.total", token);
            }
            if (namespace == FieldPath.Namespace.OWNER && !FieldPath.OWNER_FIELDS.contains(name)) {
                throw expected("owner.id, owner.assigned, owner.active, owner.out_of_office or owner.open_leads",
                        token);
            }
            if (namespace == FieldPath.Namespace.AI && !FieldPath.AI_FIELDS.contains(name)) {
                throw expected("an ai field (" + FieldPath.aiFieldList() + ")", token);
            }
            return new FieldPath(namespace, name);
        }

        private Condition fieldCondition(Token fieldToken, FieldPath field) {
            Token next = next();
            if (next.kind() == Kind.OPERATOR) {
                ComparisonOperator operator = ComparisonOperator.fromSymbol(next.text()).orElseThrow();
                Token valueToken = peek();
                Literal literal = literal("a value");
                if (operator.isOrdering() && !(literal.value() instanceof Value.Num)) {
                    throw expected("a number after " + operator.symbol(), valueToken);
                }
                checkStage(field, literal, valueToken);
                return new Condition.Comparison(field, operator, literal);
            }
            if (next.isWord("in")) {
                return membership(field, false);
            }
            if (next.isWord("not")) {
                Token in = next();
                if (!in.isWord("in")) {
                    throw expected("'in' after 'not'", in);
                }
                return membership(field, true);
            }
            if (next.isWord("contains")) {
                if (peek().isWord("any")) {
                    next();
                    return new Condition.Contains(field, list("a value"));
                }
                return new Condition.Contains(field, List.of(literal("a value or 'any [...]'")));
            }
            if (next.isWord("between")) {
                Token lowToken = peek();
                Literal low = literal("a number");
                Token and = next();
                if (!and.isWord("and")) {
                    throw expected("'and'", and);
                }
                Token highToken = peek();
                Literal high = literal("a number");
                if (!(low.value() instanceof Value.Num)) {
                    throw expected("a number", lowToken);
                }
                if (!(high.value() instanceof Value.Num)) {
                    throw expected("a number", highToken);
                }
                return new Condition.Range(field, low, high);
            }
            if (next.isWord("exists") || next.isWord("missing")) {
                return new Condition.Presence(field, next.isWord("exists"));
            }
            throw expected(OPERATORS + " after " + fieldToken.text(), next);
        }

        private Condition membership(FieldPath field, boolean negated) {
            int before = position;
            List<Literal> options = list("a value");
            for (int i = 0; i < options.size(); i++) {
                checkStage(field, options.get(i), tokens.get(before + 1 + 2 * i));
            }
            return new Condition.Membership(field, options, negated);
        }

        private void checkStage(FieldPath field, Literal literal, Token token) {
            if (field.namespace() == FieldPath.Namespace.STAGE) {
                String key = literal.value().display().toLowerCase(Locale.ROOT);
                if (Arrays.stream(LifecycleStage.values()).noneMatch(s -> s.key().equals(key))) {
                    throw expected("a lifecycle stage (" + STAGES + ")", token);
                }
            }
        }

        private List<Literal> list(String what) {
            Token open = next();
            if (open.kind() != Kind.OPEN) {
                throw expected("'[' to start a list", open);
            }
            List<Literal> items = new ArrayList<>();
            while (true) {
                items.add(literal(what));
                Token separator = next();
                if (separator.kind() == Kind.CLOSE) {
                    return items;
                }
                if (separator.kind() != Kind.COMMA) {
                    throw expected("',' or ']'", separator);
                }
            }
        }

        private Literal literal(String what) {
            Token token = next();
            return switch (token.kind()) {
                case NUMBER -> new Literal(new Value.Num(Double.parseDouble(token.text())), token.text());
                case STRING -> {
                    if (token.text().isEmpty()) {
                        throw expected(what + " that is not empty", token);
                    }
                    yield new Literal(new Value.Text(token.text()), token.text());
                }
                case WORD -> {
                    String lower = token.text().toLowerCase(Locale.ROOT);
                    if (lower.equals("true") || lower.equals("false")) {
                        yield new Literal(new Value.Bool(Boolean.parseBoolean(lower)), lower);
                    }
                    yield new Literal(new Value.Text(token.text()), token.text());
                }
                default -> throw expected(what, token);
            };
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token next() {
            Token token = tokens.get(position);
            if (token.kind() != Kind.END) {
                position++;
            }
            return token;
        }

        private ConditionSyntaxException expected(String what, Token found) {
            return new ConditionSyntaxException(found.column(), "expected " + what + " but found " + found.shown());
        }
    }
}
