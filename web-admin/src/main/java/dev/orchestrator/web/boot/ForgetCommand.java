package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.port.in.ForgetContactCommand;
import dev.orchestrator.application.port.in.ForgetOutcome;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.service.ForgetContactService;
import dev.orchestrator.web.edge.SecuritySettings;
import dev.orchestrator.web.json.JacksonPayloadParser;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code forget --email X}: erases a person from the command line, against the same database and CRM the server
 * uses (it may run while the server runs). Exit 0 when forgotten, 1 when nothing is known, 3 when the CRM refused.
 */
final class ForgetCommand {
    private ForgetCommand() {
    }

    static int run(Settings settings, SecuritySettings security, String email, PrintStream out, PrintStream err) {
        Orchestrator.registerSecrets(settings);
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new TimeOrderedIds();
        try (Database database = Database.open(settings.databaseUrl(), settings.dataDir(), 2)) {
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), clock, ids);
            ForgetContactService forget = new ForgetContactService(persistence.contacts(), persistence.personalData(),
                    Orchestrator.crm(settings, database, clock), security.forgetInCrm(), new JacksonPayloadParser(),
                    persistence.audit(), persistence.transactions(), Orchestrator.pseudonyms(persistence), ids, clock,
                    persistence.identityIndex());
            ForgetOutcome outcome = forget.forget(ForgetContactCommand.byEmail(email, "cli"));
            if (outcome instanceof ForgetOutcome.Forgotten f) {
                out.println("forgotten: now " + f.pseudonym() + " (" + f.rawEvents() + " raw events, " + f.auditEvents()
                        + " audit entries, " + f.otherTexts() + " other texts rewritten; CRM: " + f.crm() + ")");
                return 0;
            }
            if (outcome instanceof ForgetOutcome.NotFound notFound) {
                err.println("nothing to forget: " + notFound.detail());
                return 1;
            }
            err.println("not forgotten: " + ((ForgetOutcome.CrmFailed) outcome).detail());
            return 3;
        }
    }
}
