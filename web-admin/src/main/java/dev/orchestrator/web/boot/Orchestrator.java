package dev.orchestrator.web.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAdapter;
import dev.orchestrator.adapter.crm.salesforce.SalesforceSettings;
import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;
import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.intake.WebhookSource;
import dev.orchestrator.application.intake.WebhookSources;
import dev.orchestrator.application.normalize.FormLeadNormalizer;
import dev.orchestrator.application.normalize.LeadNormalizer;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.service.ContactQueryService;
import dev.orchestrator.application.service.ErrorPolicy;
import dev.orchestrator.application.service.EventQueryService;
import dev.orchestrator.application.service.ForgetContactService;
import dev.orchestrator.application.service.HealthService;
import dev.orchestrator.application.service.IngestWebhookService;
import dev.orchestrator.application.service.JobWorker;
import dev.orchestrator.application.service.ProcessEventService;
import dev.orchestrator.application.service.RetentionService;
import dev.orchestrator.application.validate.LeadValidator;
import dev.orchestrator.web.WebServer;
import dev.orchestrator.web.api.ApiAuth;
import dev.orchestrator.web.api.ContactsApi;
import dev.orchestrator.web.api.EventsApi;
import dev.orchestrator.web.api.HealthApi;
import dev.orchestrator.web.api.PrivacyApi;
import dev.orchestrator.web.edge.SecuritySettings;
import dev.orchestrator.web.edge.WebhookGuard;
import dev.orchestrator.web.json.JacksonPayloadParser;
import dev.orchestrator.web.json.Json;
import dev.orchestrator.web.pages.EventsPage;
import dev.orchestrator.web.privacy.Redaction;
import dev.orchestrator.web.privacy.RetentionSchedule;
import dev.orchestrator.web.webhook.WebhookController;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The composition root: every part is built here, by hand, from the settings. */
public final class Orchestrator implements AutoCloseable {
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    private final Database database;
    private final WorkerPool workers;
    private final Javalin web;
    private final RetentionSchedule retention;

    private Orchestrator(Database database, WorkerPool workers, Javalin web, RetentionSchedule retention) {
        this.database = database;
        this.workers = workers;
        this.web = web;
        this.retention = retention;
    }

    public static Orchestrator start(Settings settings) {
        return start(settings, securitySettings());
    }

    /** The privacy and edge settings from the environment; a bad value is a configuration error, like any other. */
    static SecuritySettings securitySettings() {
        try {
            return SecuritySettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigurationError("(security)", e.getMessage());
        }
    }

    public static Orchestrator start(Settings settings, SecuritySettings security) {
        registerSecrets(settings);
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new RandomIds();
        Database database = Database.open(settings.databaseUrl(), settings.dataDir(), settings.databasePoolSize());
        try {
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), clock, ids);
            CrmGateway crm = crm(settings, database, clock);
            PayloadParser parser = new JacksonPayloadParser();

            IngestWebhookService ingest = new IngestWebhookService(sources(settings), parser, persistence.events(),
                    persistence.jobs(), persistence.transactions(), ids, clock, MAX_ATTEMPTS);
            Map<String, LeadNormalizer> normalizers = Map.of("form", new FormLeadNormalizer());
            ProcessEventService process = new ProcessEventService(persistence.events(), parser, normalizers,
                    new LeadValidator("US"), crm, persistence.contacts(), persistence.reviews(), persistence.audit(),
                    persistence.transactions(), ids, clock);
            JobWorker worker = new JobWorker(persistence.jobs(), process, persistence.events(), persistence.audit(),
                    new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30),
                            () -> ThreadLocalRandom.current().nextDouble()),
                    ids, clock, 10, Duration.ofMinutes(5));
            EventQueryService eventQueries = new EventQueryService(persistence.events(), persistence.jobs(),
                    persistence.audit());
            HealthService health = new HealthService(persistence.events(), persistence.jobs(), persistence.reviews(), crm, clock);
            ApiAuth auth = new ApiAuth(settings.apiTokens());
            Pseudonyms pseudonyms = pseudonyms(persistence);
            ForgetContactService forget = new ForgetContactService(persistence.contacts(), persistence.personalData(),
                    crm, security.forgetInCrm(), parser, persistence.audit(), persistence.transactions(), pseudonyms,
                    ids, clock);
            RetentionSchedule retention = new RetentionSchedule(new RetentionService(persistence.personalData(),
                    persistence.singletonLock(), persistence.transactions(), parser, pseudonyms, clock,
                    security.retention(), 500));
            WebhookGuard guard = security.webhookGuard();

            ObjectMapper json = Json.api();
            Javalin web = WebServer.create(new WebServer.Controllers(
                    new WebhookController(ingest, settings.publicBaseUrl()),
                    new EventsApi(eventQueries, auth),
                    new ContactsApi(new ContactQueryService(persistence.contacts(), persistence.audit()), auth),
                    new HealthApi(health, List.of(guard, retention)),
                    new EventsPage(eventQueries, health)), json,
                    new WebServer.Security(guard, Optional.of(new PrivacyApi(forget, auth))));

            WorkerPool workers = new WorkerPool(worker, settings.workerThreads());
            workers.start();
            web.start(settings.port());
            retention.start(Duration.ofMinutes(1), security.retentionSweepEvery());
            return new Orchestrator(database, workers, web, retention);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Secrets known from here on are masked in every log line and in /health (docs/SECURITY.md). */
    static void registerSecrets(Settings settings) {
        Redaction.register(settings.apiTokens().keySet());
        settings.webhookSecrets().values().forEach(Redaction::register);
        Redaction.registerEnvironment(System.getenv());
    }

    /** The database's own pseudonym key, made on first use: the same pseudonym on every instance and start. */
    static Pseudonyms pseudonyms(PersistenceAdapter persistence) {
        return new Pseudonyms(persistence.pseudonymKey(() -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }));
    }

    static CrmGateway crm(Settings settings, Database database, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return switch (settings.crm()) {
            case "hubspot" -> {
                HubSpotSettings hubSpot = HubSpotSettings.fromEnvironment(System.getenv());
                // A portal without our properties (or with other enum options) is a configuration error: say so now.
                HubSpotAdapter.checkFieldMap(hubSpot, http, clock).orThrow();
                yield HubSpotAdapter.create(hubSpot, http, clock);
            }
            case "salesforce" -> SalesforceAdapter.create(SalesforceSettings.fromEnvironment(System.getenv()), http);
            default -> SandboxCrmAdapter.create(database.dataSource(), clock);
        };
    }

    private static WebhookSources sources(Settings settings) {
        return new WebhookSources(settings.webhookSecrets().entrySet().stream()
                .map(entry -> new WebhookSource(entry.getKey(), new StandardWebhooksScheme(
                        entry.getValue().stream().map(WebhookSecret::parse).toList(), SIGNATURE_TOLERANCE)))
                .toList());
    }

    public int port() {
        return web.port();
    }

    public String databaseDescription() {
        return database.describe();
    }

    @Override
    public void close() {
        retention.close();
        web.stop();
        workers.close();
        database.close();
    }

    static List<String> sourceNames(Settings settings) {
        return List.copyOf(settings.webhookSecrets().keySet());
    }
}
