package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.ContactQueryUseCase;
import dev.orchestrator.application.port.in.ContactView;
import dev.orchestrator.application.port.in.DecisionExplanation;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Optional;
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

    /** {@code GET /api/contacts/{id}/why?stage=mql} or {@code ?owner}: the decision, its rule and conditions. */
    public void why(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        UUID id = Ids.uuid(ctx.pathParam("id"), "id");
        if (contacts.byId(id).isEmpty()) {
            throw new ProblemException(Problem.of("not-found", "Contact not found", 404, "no contact " + id));
        }
        String stage = ctx.queryParam("stage");
        Optional<DecisionExplanation> explanation;
        if (stage != null && !stage.isBlank()) {
            LifecycleStage wanted;
            try {
                wanted = LifecycleStage.fromKey(stage.strip().toLowerCase(java.util.Locale.ROOT));
            } catch (DomainViolation e) {
                throw new ProblemException(Problem.ofField("bad-request", "Unknown stage", 400, e.reason(), "stage",
                        e.reason()));
            }
            explanation = contacts.whyStage(id, wanted);
        } else if (ctx.queryParamMap().containsKey("owner")) {
            explanation = contacts.whyOwner(id);
        } else {
            throw new ProblemException(Problem.ofField("bad-request", "Missing question", 400,
                    "ask ?stage=<stage> or ?owner", "stage", "give ?stage=<stage> or ?owner"));
        }
        ctx.json(WhyJson.of(explanation.orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "No such decision", 404, "no recorded decision answers that for contact " + id)))));
    }

    /** The why answer of the external contract. */
    public record WhyJson(String decision, String ruleId, String rulesetVersion, Instant at, String sourceEventId,
            String summary, List<ConditionJson> conditions, List<CandidateJson> candidates) {

        public record ConditionJson(String expr, boolean result, Map<String, String> values) {
        }

        public record CandidateJson(String owner, String pool, String outcome, String reason) {
        }

        static WhyJson of(DecisionExplanation e) {
            return new WhyJson(e.decision(), e.ruleId(), e.rulesetVersion(), e.at(), e.sourceEventId().toString(),
                    e.summary(), e.conditions().stream().map(c -> new ConditionJson(c.expr(), c.result(), c.values()))
                            .toList(),
                    e.candidates().stream().map(c -> new CandidateJson(c.owner(), c.pool(), c.outcome().key(),
                            c.reason())).toList());
        }
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
