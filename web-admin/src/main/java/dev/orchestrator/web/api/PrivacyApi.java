package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.ForgetContactCommand;
import dev.orchestrator.application.port.in.ForgetContactUseCase;
import dev.orchestrator.application.port.in.ForgetOutcome;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code POST /api/contacts/{id}/forget}: erase a person (admin only). */
public final class PrivacyApi {
    private final ForgetContactUseCase forget;
    private final ApiAuth auth;

    public PrivacyApi(ForgetContactUseCase forget, ApiAuth auth) {
        this.forget = forget;
        this.auth = auth;
    }

    public void forget(Context ctx) {
        auth.require(ctx, ApiAuth.Role.ADMIN);
        UUID id = Ids.uuid(ctx.pathParam("id"), "id");
        ctx.json(answer(forget.forget(ForgetContactCommand.byId(id, "api-admin"))));
    }

    /** The outcome as the API answers it; a refusal becomes a problem. */
    static ForgottenJson answer(ForgetOutcome outcome) {
        if (outcome instanceof ForgetOutcome.Forgotten f) {
            return new ForgottenJson(f.pseudonym(), f.contactId().map(UUID::toString).orElse(null), f.rawEvents(),
                    f.auditEvents(), f.otherTexts(), f.crm(), f.auditId().toString());
        }
        if (outcome instanceof ForgetOutcome.NotFound notFound) {
            throw new ProblemException(Problem.of("not-found", "Nothing to forget", 404, notFound.detail()));
        }
        ForgetOutcome.CrmFailed failed = (ForgetOutcome.CrmFailed) outcome;
        throw new ProblemException(Problem.of("crm-refused-deletion", "The CRM did not delete the contact",
                failed.retryable() ? 503 : 502, failed.detail() + "; nothing was erased here, repeat the request"));
    }

    /** What was erased: counts and the pseudonym that now stands for the person, never the erased values. */
    public record ForgottenJson(String pseudonym, String contactId, long rawEvents, long auditEvents, long otherTexts,
            String crm, String auditId) {
    }
}
