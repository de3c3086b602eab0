package dev.orchestrator.web.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAdapter;
import dev.orchestrator.adapter.crm.salesforce.SalesforceSettings;
import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;
import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.intake.WebhookSource;
import dev.orchestrator.application.intake.WebhookSources;
import dev.orchestrator.adapter.enrichment.EnrichmentAdapters;
import dev.orchestrator.adapter.enrichment.EnrichmentSettings;
import dev.orchestrator.adapter.enrichment.ProviderPolicy;
import dev.orchestrator.adapter.enrichment.WaterfallSettings;
import dev.orchestrator.adapter.enrichment.apollo.ApolloSettings;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitSettings;
import dev.orchestrator.adapter.persistence.enrichment.EnrichmentCachePersistence;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.in.SeedSandboxUseCase;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.service.AccountMatching;
import dev.orchestrator.application.service.PipelineOptions;
import dev.orchestrator.application.service.SweepLifecycleService;
import dev.orchestrator.application.normalize.HubSpotCrmEvents;
import dev.orchestrator.application.service.CrmRecordUpdatesService;
import dev.orchestrator.application.service.EnforceSlaService;
import dev.orchestrator.application.service.LoggingSlaAlerts;
import dev.orchestrator.web.api.SweepApi;
import dev.orchestrator.application.service.BackfillIdentityIndexService;
import dev.orchestrator.application.service.MatchCompanyService;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.application.service.SeedSandboxService;
import dev.orchestrator.application.service.FollowedRuleset;
import dev.orchestrator.application.service.ShadowRulesetService;
import dev.orchestrator.application.rules.StoredEventHistories;
import dev.orchestrator.adapter.persistence.rules.RulesPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.orchestrator.application.service.LateEnrichmentRecorder;
import dev.orchestrator.web.api.EnrichmentMetrics;
import dev.orchestrator.web.api.RulesApi;
import dev.orchestrator.application.service.PipelineStores;
import dev.orchestrator.application.service.RoutingRotation;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.rules.ActiveRulesetHolder;
import dev.orchestrator.web.rules.RulesetYamlParser;
import dev.orchestrator.web.rules.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.RulesetFiles;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.RulesetSwitch;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.service.ContactPageService;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.service.ContactQueryService;
import dev.orchestrator.application.service.DashboardService;
import dev.orchestrator.application.service.DeadLetterService;
import dev.orchestrator.application.service.ReviewService;
import dev.orchestrator.application.service.EventQueryService;
import dev.orchestrator.application.service.EventSearchService;
import dev.orchestrator.application.service.ForgetContactService;
import dev.orchestrator.application.service.HealthService;
import dev.orchestrator.application.service.IngestWebhookService;
import dev.orchestrator.application.service.JobWorker;
import dev.orchestrator.application.service.ContactMerging;
import dev.orchestrator.application.service.CrmFirmographicsWriter;
import dev.orchestrator.application.service.PersonMatching;
import dev.orchestrator.application.service.ProcessEventService;
import dev.orchestrator.web.merge.MergePolicyFile;
import dev.orchestrator.web.merge.MergeSettings;
import dev.orchestrator.application.service.RetentionService;
import dev.orchestrator.web.WebServer;
import dev.orchestrator.web.api.ApiAuth;
import dev.orchestrator.web.api.ContactsApi;
import dev.orchestrator.web.api.DeadLettersApi;
import dev.orchestrator.web.api.EventsApi;
import dev.orchestrator.web.api.HealthApi;
import dev.orchestrator.web.api.MetricsSource;
import dev.orchestrator.web.api.ReviewApi;
import dev.orchestrator.web.api.PrivacyApi;
import dev.orchestrator.web.edge.SecuritySettings;
import dev.orchestrator.web.edge.WebhookGuard;
import dev.orchestrator.web.json.JacksonPayloadParser;
import dev.orchestrator.web.json.Json;
import dev.orchestrator.web.auth.AdminUsers;
import dev.orchestrator.web.auth.BrowserAuth;
import dev.orchestrator.web.auth.LoginThrottle;
import dev.orchestrator.web.auth.Sessions;
import dev.orchestrator.web.pages.AdminPages;
import dev.orchestrator.web.pages.AuditPage;
import dev.orchestrator.web.pages.ContactsPage;
import dev.orchestrator.web.pages.DashboardPage;
import dev.orchestrator.web.pages.DeadLettersPage;
import dev.orchestrator.web.pages.ReviewPage;
import dev.orchestrator.web.pages.EventsPage;
import dev.orchestrator.web.pages.SandboxPage;
import dev.orchestrator.web.privacy.Redaction;
import dev.orchestrator.web.privacy.RetentionSchedule;
import dev.orchestrator.web.webhook.WebhookController;
import dev.orchestrator.adapter.classifier.AiSettings;
import dev.orchestrator.adapter.classifier.ClassifierBudget;
import dev.orchestrator.adapter.classifier.LeadClassifiers;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.application.service.ClassifyLeadService;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The composition root: every part is built here, by hand, from the settings. */
public final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = ActionWiring.maxAttemptsOrDefault(System.getenv());

    private final LifecycleSweepSchedule sweeps;
    private final Database database;
    private final WorkerPool workers;
    private final Javalin web;
    private final RetentionSchedule retention;

    private Orchestrator(Database database, WorkerPool workers, Javalin web, RetentionSchedule retention,
            LifecycleSweepSchedule sweeps) {
        this.database = database;
        this.workers = workers;
        this.web = web;
        this.retention = retention;
        this.sweeps = sweeps;
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
        IdGenerator ids = new TimeOrderedIds();
        Database database = Database.open(settings.databaseUrl(), settings.dataDir(), settings.databasePoolSize());
        try {
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), clock, ids);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            CrmWiring.CrmPorts crmPorts = CrmWiring.ports(settings, database, http, clock);
            CrmGateway crm = crmPorts.gateway();
            PayloadParser parser = new JacksonPayloadParser();

            IngestWebhookService ingest = new IngestWebhookService(sources(settings), parser, persistence.events(),
                    ids, clock, MAX_ATTEMPTS);
            byte[] rulesetFile = activeRulesetBytes();
            ActiveRulesetHolder fromFile = new ActiveRulesetHolder(new RulesetYamlParser(),
                    new RulesetYamlParser().parse(rulesetFile));
            RulesetInForce inForce = RulesPersistence.inForce(persistence.jdbi());
            FollowedRuleset rules = new FollowedRuleset(fromFile, inForce, rulesetFiles(), clock);
            CompanyEnricher enricher = EnrichmentAdapters.waterfall(enrichmentSettings(System.getenv()), http,
                    EnrichmentCachePersistence.create(persistence.jdbi()),
                    new LateEnrichmentRecorder(persistence.companies(), persistence.audit(), ids, clock,
                            crmFirmographics(persistence, crmPorts)), clock);
            PipelineStores stores = new PipelineStores(persistence.events(), persistence.contacts(),
                    persistence.companies(), persistence.signals(), persistence.reviews(), persistence.audit(),
                    persistence.transactions());
            // One roster for the pipeline, the dry-run API and the sandbox page: with a real CRM it caches the owners
            // API, and three caches would call that API three times as often.
            Supplier<OwnerRoster> owners = owners(settings, crm);
            ActionWiring actions = ActionWiring.create(settings, System.getenv(), persistence, crmPorts.engagements(),
                    rules, http, ids, clock);
            DryRunRulesetService dryRuns = new DryRunRulesetService();
            ShadowRulesetService shadowRules = shadowRules(persistence, rules, inForce, ids, clock);
            // Before any worker runs: the rules in force everywhere, or this instance's file when it is a deploy.
            shadowRules.followOrDeploy(fromFile.current(),
                    new String(rulesetFile, java.nio.charset.StandardCharsets.UTF_8));
            RulesPopulations populations = rulesPopulations(persistence, clock);
            RoutingRotation rotation = new RoutingRotation(persistence.rotationStore());
            ShippedFieldMaps fieldMaps = IntakeWiring.fieldMaps(System.getenv());
            ProcessEventService process = new ProcessEventService(parser, fieldMaps.leadNormalizers(),
                    fieldMaps.signalNormalizer(), IntakeWiring.leadValidator(System.getenv()), enricher,
                    new ClassifyLeadService(leadClassifier(System.getenv(), http, clock)), crm, rules,
                    owners, rotation, accountMatching(persistence), stores, ids, clock,
                    contactMerging(persistence, crmPorts),
                    PipelineOptions.NONE.withSqlDeals(CrmWiring.sqlDeals(settings, crmPorts, System.getenv(), clock))
                            .withShadow(shadowRules).withActions(actions.planner()));
            JobWorker worker = new JobWorker(persistence.jobs(), crmUpdates(process, parser, stores, persistence, rules,
                    ids, clock), persistence.events(), persistence.audit(),
                    ActionWiring.errorPolicy(System.getenv()),
                    ids, clock, 10, settings.workerThreads(), jobLease(System.getenv()),
                    Optional.of(actions.runner()),
                    Optional.of(persistence.jobLedger()), Optional.of(actions.alerts()));
            EventQueryService eventQueries = new EventQueryService(persistence.events(), persistence.jobs(),
                    persistence.audit());
            HealthService health = new HealthService(persistence.events(), persistence.jobs(), persistence.reviews(), crm, clock);
            ApiAuth auth = new ApiAuth(settings.apiTokens());
            ContactQueryService contactQueries = new ContactQueryService(persistence.contacts(), persistence.audit(),
                    persistence.transactions());

            DeadLetterService deadLetters = new DeadLetterService(persistence.jobs(), persistence.events(),
                    persistence.audit(), persistence.transactions(), ids, clock, Optional.of(persistence.jobLedger()));
            ReviewService reviews = new ReviewService(persistence.reviews(), persistence.jobs(), persistence.events(),
                    persistence.audit(), persistence.transactions(), ids, clock, MAX_ATTEMPTS);
            Pseudonyms pseudonyms = pseudonyms(persistence);
            ForgetContactService forget = new ForgetContactService(persistence.contacts(), persistence.personalData(),
                    crm, security.forgetInCrm(), parser, persistence.audit(), persistence.transactions(), pseudonyms,
                    ids, clock, persistence.identityIndex());
            RetentionSchedule retention = new RetentionSchedule(new RetentionService(persistence.personalData(),
                    persistence.singletonLock(), persistence.transactions(), parser, pseudonyms, clock,
                    security.retention(), 500));
            WebhookGuard guard = security.webhookGuard();

            WorkerPool workers = new WorkerPool(worker::runOnce, settings.workerThreads());
            SweepLifecycleService sweep = new SweepLifecycleService(persistence.contacts(), persistence.events(),
                    persistence.jobs(), persistence.transactions(), persistence.singletonLock(), ids, clock,
                    MAX_ATTEMPTS, Optional.of(new EnforceSlaService(rules, persistence.lifecycleLedger(), stores, owners,
                            rotation, crm, new LoggingSlaAlerts(), ids, clock)));
            ObjectMapper json = Json.api();
            AuditPage auditPage = new AuditWiring(settings, database, persistence, http, clock, ids).page();
            Javalin web = WebServer.create(new WebServer.Controllers(
                    new WebhookController(ingest, settings.publicBaseUrl(), workers::wake),
                    new EventsApi(eventQueries, auth),
                    new ContactsApi(contactQueries, auth),
                    new HealthApi(health, List.of(guard, retention, new EnrichmentMetrics(enricher),
                            new dev.orchestrator.web.api.AlertsHealth(actions.alerts()),
                            workerThreads(settings.workerThreads()))),
                    new SweepApi(sweep, auth),
                    new RulesApi(dryRuns, rules, new RulesetYamlParser(), populations, owners, auth, json,
                            shadowRules, Orchestrator::activeRulesetBytes),
                    browserAuth(settings, clock),
                    new AdminPages(
                            new DashboardPage(new DashboardService(persistence.operations(), persistence.jobs(),
                                    persistence.reviews(), clock)),
                            new EventsPage(new EventSearchService(persistence.eventSearch()), eventQueries),
                            new ContactsPage(contactQueries,
                                    new ContactPageService(persistence.contacts(), persistence.auditPages()), forget),
                            new DeadLettersPage(deadLetters, deadLetters),
                            new ReviewPage(reviews, reviews, eventQueries),
                            new SandboxPage(Orchestrator::activeRulesetText, rules::current,
                                    dryRuns, populations, owners, shadowRules, Orchestrator::activeRulesetBytes)),
                    new DeadLettersApi(deadLetters, deadLetters, auth, Optional.of(deadLetters),
                            Optional.of(deadLetters)),
                    new ReviewApi(reviews, reviews, auth)),
                    json, new WebServer.Security(guard, Optional.of(new PrivacyApi(forget, auth))),
                    List.of(auditPage::install));

            if (settings.crm().equals("sandbox")) {
                SeedSandboxUseCase.SeedReport seeded = seedSandbox(database, persistence, clock).seed(
                        new SeedSandboxUseCase.SeedCommand(SandboxHistories.SEED, SEED_CONTACTS, true));
                if (seeded.seeded()) {
                    LOG.info("seeded the sandbox CRM: {} owners, {} companies, {} contacts", seeded.owners(),
                            seeded.companies(), seeded.contacts());
                }
            }
            workers.start();
            web.start(settings.port());
            retention.start(Duration.ofMinutes(1), security.retentionSweepEvery());
            LifecycleSweepSchedule sweeps = new LifecycleSweepSchedule(sweep).start(Duration.ofMinutes(
                    Long.parseLong(System.getenv().getOrDefault("LIFECYCLE_SWEEP_MINUTES", "60"))));
            return new Orchestrator(database, workers, web, retention, sweeps);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** How many workers claim jobs here: what a dashboard reads beside the queue's lag (and the benchmarks print). */
    private static MetricsSource workerThreads(int count) {
        return out -> out.append("# HELP orchestrator_worker_threads Threads that claim and run jobs\n")
                .append("# TYPE orchestrator_worker_threads gauge\n")
                .append("orchestrator_worker_threads ").append(count).append('\n');
    }

    private static BrowserAuth browserAuth(Settings settings, Clock clock) {
        return new BrowserAuth(new AdminUsers(settings.adminUsers()),
                new Sessions(new SecureRandom(), clock, Duration.ofHours(8), Duration.ofMinutes(30)),
                new LoginThrottle(5, Duration.ofMinutes(15), clock));
    }

    /** {@code AI_API_KEY} set: an OpenAI-compatible endpoint ({@code AI_BASE_URL}, {@code AI_MODEL}); else offline. */
    static LeadClassifier leadClassifier(Map<String, String> env, HttpClient http, Clock clock) {
        String key = env.get("AI_API_KEY");
        if (key == null || key.isBlank()) {
            return LeadClassifiers.offline();
        }
        try {
            return LeadClassifiers.openAiCompatible(AiSettings.of(env.get("AI_BASE_URL"), env.get("AI_MODEL"), key,
                    null), ClassifierBudget.DEFAULT, http, clock);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigurationError("AI_MODEL", e.getMessage());
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
        return crm(settings, database, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), clock);
    }

    private static CrmGateway crm(Settings settings, Database database, HttpClient http, Clock clock) {
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

    static final int SEED_CONTACTS = 25_000;

    /**
     * Person dedupe, the merge policy ({@code MERGE_POLICY_PATH}, else the shipped file) and firmographics written
     * to the CRM company under it (on HubSpot and Salesforce only the fields the company field map places).
     */
    static ContactMerging contactMerging(PersistenceAdapter persistence, CrmWiring.CrmPorts crmPorts) {
        MergeSettings merge = MergePolicyFile.fromEnvironment(System.getenv());
        PersonMatching people = new PersonMatching(persistence.identityIndex(), merge.personThresholds(),
                new MatchRecordFactory(new GuavaRegistrableDomains()));
        return new ContactMerging(people, merge.policy(), crmFirmographics(persistence, crmPorts));
    }

    /** Firmographics to the configured CRM's companies under the merge policy, through its company profiles port. */
    static Optional<CrmFirmographicsWriter> crmFirmographics(PersistenceAdapter persistence,
            CrmWiring.CrmPorts crmPorts) {
        return Optional.of(new CrmFirmographicsWriter(crmPorts.companyProfiles(), persistence.writtenFields(),
                MergePolicyFile.fromEnvironment(System.getenv()).policy(), crmPorts.gateway().name()));
    }

    /**
     * {@code JOB_LEASE_SECONDS} (default 300): how long a claimed job stays its worker's before another may take
     * it. After a crash the job waits this long, so it must exceed the longest job (CRM calls, retries inside).
     */
    static Duration jobLease(Map<String, String> env) {
        String value = env.get("JOB_LEASE_SECONDS");
        return value == null || value.isBlank() ? Duration.ofMinutes(5)
                : Duration.ofSeconds(positive("JOB_LEASE_SECONDS", value));
    }

    static AccountMatching accountMatching(PersistenceAdapter persistence) {
        MatchRecordFactory records = new MatchRecordFactory(new GuavaRegistrableDomains());
        return new AccountMatching(new MatchCompanyService(persistence.identityIndex(),
                RecordMatcher.standard(MatchThresholds.DEFAULT), records), persistence.identityIndex(), records,
                persistence.companyChoices());
    }

    /** The sandbox CRM seeded from the shipped firmographics and owners. */
    static SeedSandboxService seedSandbox(Database database, PersistenceAdapter persistence, Clock clock) {
        return new SeedSandboxService(SandboxCrmAdapter.seeder(database.dataSource(), clock),
                SandboxHistories::seedCompanies,
                () -> List.copyOf(ShippedRules.sandboxOwners().owners().values()),
                new BackfillIdentityIndexService(persistence.identityIndex(),
                        new MatchRecordFactory(new GuavaRegistrableDomains())), clock);
    }

    /** Shadow mode and the audited changes of the rules in force (reload, attach, detach, promote). */
    static ShadowRulesetService shadowRules(PersistenceAdapter persistence, RulesetSwitch rules,
            RulesetInForce inForce, IdGenerator ids, Clock clock) {
        return new ShadowRulesetService(rules, RulesPersistence.shadowStore(persistence.jdbi()), inForce,
                rulesetFiles(), persistence.audit(), ids, clock);
    }

    /** Ruleset files as stored (shadow, rules in force) read back by this instance's parser. */
    static RulesetFiles rulesetFiles() {
        RulesetYamlParser parser = new RulesetYamlParser();
        return file -> parser.parse(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The seeded sandbox, and the contacts of the stored events of the last N days, for dry runs. */
    static RulesPopulations rulesPopulations(PersistenceAdapter persistence, Clock clock) {
        return new RulesPopulations(Optional.of(new StoredEventHistories(
                RulesPersistence.recentEvents(persistence.jdbi()), persistence.contacts(), persistence.companies(),
                persistence.signals())), clock);
    }

    /** The active ruleset file: {@code RULESET_PATH}, else the shipped one. */
    static byte[] activeRulesetBytes() {
        Optional<String> path = Optional.ofNullable(System.getenv("RULESET_PATH")).filter(p -> !p.isBlank());
        if (path.isEmpty()) {
            return ShippedRules.defaultRulesetBytes();
        }
        try {
            return Files.readAllBytes(Path.of(path.get()));
        } catch (IOException e) {
            throw new Settings.ConfigurationError("RULESET_PATH", "cannot be read: " + e.getMessage());
        }
    }

    /** The active ruleset's file as text, for the sandbox editor to start from. */
    static String activeRulesetText() {
        return new String(activeRulesetBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Who leads can be assigned to: the shipped sandbox owners, or the CRM's owners (refreshed every few
     * minutes, not per lead: the owners API has its own rate limit).
     */
    private static Supplier<OwnerRoster> owners(Settings settings, CrmGateway crm) {
        if (settings.crm().equals("sandbox")) {
            OwnerRoster shipped = ShippedRules.sandboxOwners();
            return () -> shipped;
        }
        return new Supplier<>() {
            private OwnerRoster cached = OwnerRoster.empty();
            private long loadedAt = Long.MIN_VALUE;

            @Override
            public synchronized OwnerRoster get() {
                if (System.nanoTime() - loadedAt > Duration.ofMinutes(5).toNanos()) {
                    cached = OwnerRoster.of(crm.owners().stream()
                            .map(owner -> new OwnerState(owner.id(), owner.active(), false, 0)).toList());
                    loadedAt = System.nanoTime();
                }
                return cached;
            }
        };
    }

    static EnrichmentSettings enrichmentSettings(Map<String, String> env) {
        Duration timeout = Duration.ofSeconds(2);
        List<String> order = EnrichmentSettings.parseProviderOrder(env.getOrDefault("ENRICHMENT_PROVIDERS", "sandbox"));
        Map<String, ProviderPolicy> policies = new java.util.LinkedHashMap<>();
        for (String provider : order) {
            policies.put(provider, providerPolicy(env, provider));
        }
        return new EnrichmentSettings(order, policies,
                WaterfallSettings.defaults(),
                Optional.ofNullable(env.get("CLEARBIT_KEY")).filter(k -> !k.isBlank())
                        .map(key -> ClearbitSettings.of(env.get("CLEARBIT_BASE_URL"), key, timeout)),
                Optional.ofNullable(env.get("APOLLO_KEY")).filter(k -> !k.isBlank())
                        .map(key -> ApolloSettings.of(env.get("APOLLO_BASE_URL"), key, timeout)));
    }

    /**
     * {@code ENRICHMENT_<PROVIDER>_ENABLED=false} (kill switch), {@code ENRICHMENT_<PROVIDER>_DAILY_BUDGET} (calls
     * per day), {@code ENRICHMENT_<PROVIDER>_TIMEOUT_MS} (its own timeout inside the waterfall's deadline).
     */
    static ProviderPolicy providerPolicy(Map<String, String> env, String provider) {
        String prefix = "ENRICHMENT_" + provider.toUpperCase(java.util.Locale.ROOT) + "_";
        ProviderPolicy policy = ProviderPolicy.defaults();
        String timeout = env.get(prefix + "TIMEOUT_MS");
        if (timeout != null && !timeout.isBlank()) {
            policy = ProviderPolicy.withTimeout(Duration.ofMillis(positive(prefix + "TIMEOUT_MS", timeout)));
        }
        String budget = env.get(prefix + "DAILY_BUDGET");
        if (budget != null && !budget.isBlank()) {
            policy = policy.withDailyBudget(positive(prefix + "DAILY_BUDGET", budget));
        }
        if ("false".equalsIgnoreCase(env.getOrDefault(prefix + "ENABLED", "true").strip())) {
            policy = policy.switchedOff();
        }
        return policy;
    }

    private static long positive(String name, String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Settings.ConfigurationError(name, "must be a positive whole number");
    }

    private static WebhookSources sources(Settings settings) {
        return new WebhookSources(settings.webhookSecrets().entrySet().stream()
                .map(entry -> new WebhookSource(entry.getKey(),
                        IntakeWiring.scheme(entry.getKey(), entry.getValue(), SIGNATURE_TOLERANCE)))
                .toList());
    }

    /**
     * The CRM's own webhooks ({@code hubspot}: crm.record.updated) handled before the lead pipeline; every other
     * source goes on to it. {@code HUBSPOT_APP_IDS}: the app ids our HubSpot writes carry, comma-separated.
     */
    static CrmRecordUpdatesService crmUpdates(ProcessEventService pipeline, PayloadParser parser, PipelineStores stores,
            PersistenceAdapter persistence, ActiveRuleset rules, IdGenerator ids, Clock clock) {
        java.util.Set<String> appIds = java.util.Arrays.stream(System.getenv().getOrDefault("HUBSPOT_APP_IDS", "")
                .split(",")).map(String::strip).filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toSet());
        return new CrmRecordUpdatesService(pipeline, parser, new HubSpotCrmEvents(), stores,
                persistence.lifecycleLedger(), rules, appIds, ids, clock);
    }

    public int port() {
        return web.port();
    }

    public String databaseDescription() {
        return database.describe();
    }

    @Override
    public void close() {
        sweeps.close();
        retention.close();
        web.stop();
        workers.close();
        database.close();
    }

    static List<String> sourceNames(Settings settings) {
        return List.copyOf(settings.webhookSecrets().keySet());
    }
}
