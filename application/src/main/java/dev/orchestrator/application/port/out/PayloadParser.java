package dev.orchestrator.application.port.out;

/** Parses raw webhook bytes as strictly as PostgreSQL would store them as JSON. */
public interface PayloadParser {
    Parsed parse(byte[] body);

    sealed interface Parsed {
    }

    record Ok(PayloadTree tree) implements Parsed {
    }

    record Unparseable(String reason) implements Parsed {
    }
}
