package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.ContactQueryUseCase;
import dev.orchestrator.application.port.in.ContactView;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/contacts?email=} and {@code GET /api/contacts/{id}/timeline}. */
public final class ContactsApi {
    private final ContactQueryUseCase contacts;
    private final ApiAuth auth;

    public ContactsApi(ContactQueryUseCase contacts, ApiAuth auth) {
        this.contacts = contacts;
        this.auth = auth;
    }

    public void byEmail(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        String email = ctx.queryParam("email");
        if (email == null || email.isBlank()) {
            throw new ProblemException(Problem.ofField("bad-request", "Missing parameter", 400,
                    "give the contact's email as ?email=", "email", "is required"));
        }
        ContactView view = contacts.byEmail(email).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Contact not found", 404, "no contact with email " + email.strip())));
        ctx.json(ContactJson.of(view));
    }

    public void timeline(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        UUID id = Ids.uuid(ctx.pathParam("id"), "id");
        ContactView view = contacts.byId(id).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Contact not found", 404, "no contact " + id)));
        ctx.json(Map.of("contactId", id.toString(),
                "events", view.timeline().stream().map(AuditEventJson::of).toList()));
    }

    /** The contact as the orchestrator knows it: ids, stage, owner, company, scores, and its timeline. */
    public record ContactJson(String id, ContactIds ids, String email, String firstName, String lastName, String company,
            String phone, String stage, String owner, Scores scores, Instant createdAt, Instant updatedAt,
            List<AuditEventJson> timeline) {

        public record ContactIds(String internal, String crm) {
        }

        public record Scores(int fit, int behavior) {
        }

        static ContactJson of(ContactView view) {
            Contact c = view.contact();
            return new ContactJson(c.id().toString(), new ContactIds(c.id().toString(), c.crmId().map(CrmObjectId::value)
                    .orElse(null)), c.email().value(), c.name().first().orElse(null), c.name().last().orElse(null),
                    c.company().orElse(null), c.phone().orElse(null), c.stage().key(), c.ownerId().orElse(null),
                    new Scores(c.fitScore(), c.behaviorScore()), c.createdAt(), c.updatedAt(),
                    view.timeline().stream().map(AuditEventJson::of).toList());
        }
    }
}
