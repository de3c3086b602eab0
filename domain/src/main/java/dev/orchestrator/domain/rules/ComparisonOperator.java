package dev.orchestrator.domain.rules;

/** The comparison operators of the condition language. */
public enum ComparisonOperator {
    EQ("=="), NE("!="), GE(">="), GT(">"), LE("<="), LT("<");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    public boolean test(double left, double right) {
        int cmp = Double.compare(left, right);
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GE -> cmp >= 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case LT -> cmp < 0;
        };
    }

    public static java.util.Optional<ComparisonOperator> fromSymbol(String symbol) {
        for (ComparisonOperator op : values()) {
            if (op.symbol.equals(symbol)) {
                return java.util.Optional.of(op);
            }
        }
        return java.util.Optional.empty();
    }
}
