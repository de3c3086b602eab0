package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.shared.Require;
import java.util.UUID;

/** Whom to forget (our contact id, or an email as typed) and who asked, for the audit trail. */
public record ForgetContactCommand(Subject subject, String requestedBy) {
    public ForgetContactCommand {
        Require.present("subject", subject);
        Require.notBlank("requestedBy", requestedBy);
    }

    public static ForgetContactCommand byId(UUID contactId, String requestedBy) {
        return new ForgetContactCommand(new ById(contactId), requestedBy);
    }

    public static ForgetContactCommand byEmail(String email, String requestedBy) {
        return new ForgetContactCommand(new ByEmail(email), requestedBy);
    }

    public sealed interface Subject {
    }

    public record ById(UUID contactId) implements Subject {
        public ById {
            Require.present("contactId", contactId);
        }
    }

    public record ByEmail(String email) implements Subject {
        public ByEmail {
            Require.notBlank("email", email);
        }
    }
}
