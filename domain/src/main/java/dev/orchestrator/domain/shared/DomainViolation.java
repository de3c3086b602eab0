package dev.orchestrator.domain.shared;

/** A value that breaks a domain invariant; names the field so the edge can report it. */
public final class DomainViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public DomainViolation(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}
