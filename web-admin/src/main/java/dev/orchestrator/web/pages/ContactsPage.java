package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.ContactPage;
import dev.orchestrator.application.port.in.ContactPageQuery;
import dev.orchestrator.application.port.in.ContactPageUseCase;
import dev.orchestrator.application.port.in.ContactQueryUseCase;
import dev.orchestrator.application.port.in.ForgetContactCommand;
import dev.orchestrator.application.port.in.ForgetContactUseCase;
import dev.orchestrator.application.port.in.ForgetOutcome;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** {@code GET /contacts?email=} finds a contact; {@code GET /contacts/{id}} shows it, why, and its timeline. */
public final class ContactsPage {
    static final int PAGE_SIZE = 100;
    private static final Map<String, String> STAGE_PHRASE = Map.of("subscriber", "a subscriber", "lead", "a lead",
            "mql", "an MQL", "sql", "an SQL", "opportunity", "an opportunity", "customer", "a customer",
            "nurture", "in nurture", "disqualified", "disqualified");

    private final ContactQueryUseCase contacts;
    private final ContactPageUseCase pages;
    private final ForgetContactUseCase forget;

    public ContactsPage(ContactQueryUseCase contacts, ContactPageUseCase pages, ForgetContactUseCase forget) {
        this.contacts = contacts;
        this.pages = pages;
        this.forget = forget;
    }

    /** {@code POST /contacts/{id}/forget}: the admin action of docs/SECURITY.md, admin role only. */
    public void forget(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.ADMIN, "forgetting a person");
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid contact id", 400,
                    "contact ids are UUIDs", "id", "not a UUID"));
        }
        ForgetOutcome outcome = forget.forget(ForgetContactCommand.byId(id,
                BrowserAuth.session(ctx).username().orElseThrow()));
        if (outcome instanceof ForgetOutcome.Forgotten forgotten) {
            ctx.redirect("/contacts?forgotten=" + java.net.URLEncoder.encode(forgotten.pseudonym(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } else if (outcome instanceof ForgetOutcome.NotFound notFound) {
            throw new ProblemException(Problem.of("not-found", "Contact not found", 404, notFound.detail()));
        } else if (outcome instanceof ForgetOutcome.CrmFailed failed) {
            throw new ProblemException(Problem.of("crm-failed", "The CRM refused the deletion", 502,
                    failed.detail() + " — nothing was erased here; try again"));
        }
    }

    public void search(Context ctx) {
        String email = EventsPage.param(ctx, "email");
        String message = "";
        if (!email.isEmpty()) {
            var found = contacts.byEmail(email);
            if (found.isPresent()) {
                ctx.redirect("/contacts/" + found.get().contact().id());
                return;
            }
            message = "No contact with the email " + email + ".";
        }
        ctx.render("contacts.jte", Map.of("email", email, "message", message, "chrome", BrowserAuth.chrome(ctx)));
    }

    public void show(Context ctx) {
        UUID id = EventsPage.uuid(ctx.pathParam("id"));
        long after = position(ctx.queryParam("after"));
        ContactPage page = pages.contactPage(new ContactPageQuery(id, after, PAGE_SIZE)).orElseThrow(() ->
                new ProblemException(Problem.of("not-found", "Contact not found", 404, "no contact " + id)));
        ctx.render("contact.jte", Map.of("model", model(page, after), "chrome", BrowserAuth.chrome(ctx)));
    }

    static ContactPageModel model(ContactPage page, long after) {
        Contact c = page.contact();
        List<ContactPageModel.Fact> facts = List.of(
                new ContactPageModel.Fact("Email", c.email().value()),
                new ContactPageModel.Fact("Name", String.join(" ", c.name().first().orElse(""),
                        c.name().last().orElse("")).strip()),
                new ContactPageModel.Fact("Company", c.company().orElse("")
                        + c.companyDomain().map(d -> " (" + d + ")").orElse("")),
                new ContactPageModel.Fact("Phone", c.phone().orElse("")),
                new ContactPageModel.Fact("Stage", c.stage().key()),
                new ContactPageModel.Fact("Owner", c.ownerId().orElse("unassigned")),
                new ContactPageModel.Fact("Fit score", Integer.toString(c.fitScore())),
                new ContactPageModel.Fact("Behaviour score", Integer.toString(c.behaviorScore())),
                new ContactPageModel.Fact("CRM id", c.crmId().map(CrmObjectId::value).orElse("not in the CRM yet")),
                new ContactPageModel.Fact("Our id", c.id().toString()),
                new ContactPageModel.Fact("Updated", Times.shown(c.updatedAt())));
        List<ContactPageModel.Why> whys = page.decisions().stream().map(ContactsPage::why).toList();
        List<ContactPageModel.TimelineRow> timeline = page.timeline().stream()
                .map(p -> new ContactPageModel.TimelineRow(EventsPage.step(0, p.event()),
                        p.event().correlationId().toString()))
                .toList();
        String next = page.nextPosition().isPresent()
                ? "/contacts/" + c.id() + "?after=" + page.nextPosition().getAsLong() : "";
        return new ContactPageModel(c.email().value(), facts, whys, timeline, next, after > 0,
                "/contacts/" + c.id());
    }

    static ContactPageModel.Why why(AuditEvent event) {
        return new ContactPageModel.Why(event.id().toString(), whyTitle(event), event.ruleId().orElse(""),
                event.rulesetVersion().orElse(""), Times.shown(event.at()), event.correlationId().toString(),
                event.summary(), Evidence.of(event.evidence()));
    }

    static String whyTitle(AuditEvent event) {
        String to = event.evidence().get("to");
        if (event.kind() == AuditKind.TRANSITIONED && to != null) {
            return "Why is this contact " + STAGE_PHRASE.getOrDefault(to.toLowerCase(Locale.ROOT), to) + "?";
        }
        String owner = event.evidence().getOrDefault("owner", event.evidence().get("target"));
        if (event.kind() == AuditKind.ROUTED && owner != null) {
            return "Why is this contact owned by " + owner + "?";
        }
        if (event.kind() == AuditKind.SCORED) {
            return "Why these scores?";
        }
        if (event.kind() == AuditKind.ROUTED) {
            return "Why this routing?";
        }
        return "Why " + event.kind().key() + "?";
    }

    private static long position(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String emailLink(String email) {
        return "/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }
}
