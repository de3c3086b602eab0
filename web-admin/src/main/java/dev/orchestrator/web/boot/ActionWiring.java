package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.notify.NotifyAdapter;
import dev.orchestrator.adapter.notify.NotifySettings;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.actions.ActionExecutor;
import dev.orchestrator.application.actions.CrmTaskAction;
import dev.orchestrator.application.actions.FlagAccountAction;
import dev.orchestrator.application.actions.SlackAction;
import dev.orchestrator.application.actions.WebhookAction;
import dev.orchestrator.application.outbound.IpRange;
import dev.orchestrator.application.outbound.OutboundUrlPolicy;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.application.service.ErrorPolicy;
import dev.orchestrator.application.service.OperatorAlertService;
import dev.orchestrator.application.service.RunActionService;
import dev.orchestrator.web.privacy.Redaction;
import dev.orchestrator.web.privacy.SystemHostResolver;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The action layer, wired: the outbox planner the pipeline queues with, the action runner the workers call
 * (Slack, CRM task, flag, signed webhooks), operator alerts, and the one error policy's settings:
 * {@code JOB_MAX_ATTEMPTS} (default 5), {@code JOB_BACKOFF_BASE_MS} (2000) and {@code JOB_BACKOFF_CAP_MS}
 * (30 minutes).
 */
record ActionWiring(ActionPlanner planner, RunActionService runner, OperatorAlertService alerts) {
    static final int DEFAULT_MAX_ATTEMPTS = 5;

    static int maxAttempts(Map<String, String> env) {
        return positive(env, "JOB_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * For a class constant read before start-up: a bad value falls back here and stops start-up in
     * {@link #create}, with the variable's name, instead of failing class initialisation.
     */
    static int maxAttemptsOrDefault(Map<String, String> env) {
        try {
            return maxAttempts(env);
        } catch (Settings.ConfigurationError e) {
            return DEFAULT_MAX_ATTEMPTS;
        }
    }

    static ErrorPolicy errorPolicy(Map<String, String> env) {
        return new ErrorPolicy(Duration.ofMillis(positive(env, "JOB_BACKOFF_BASE_MS", 2_000)),
                Duration.ofMillis(positive(env, "JOB_BACKOFF_CAP_MS", 30 * 60_000)),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param engagements the configured CRM's notes and tasks ({@link CrmWiring.CrmPorts#engagements()}), so CRM
     *                    tasks and account flags go through the same connector, rate limiter and token as the rest
     */
    static ActionWiring create(Settings settings, Map<String, String> env, PersistenceAdapter persistence,
            CrmEngagements engagements, ActiveRuleset rules, HttpClient http, IdGenerator ids, Clock clock) {
        maxAttempts(env);
        NotifySettings notify;
        try {
            notify = NotifySettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigurationError("(notifications)", e.getMessage());
        }
        // A Slack webhook URL is a credential: its path must never reach a log line or a page.
        List<String> secrets = new ArrayList<>();
        notify.slackWebhookUrl().ifPresent(url -> secrets.add(url.toString()));
        notify.alertWebhookUrl().ifPresent(url -> secrets.add(url.toString()));
        Optional.ofNullable(env.get("OUTBOUND_WEBHOOK_SECRET")).filter(s -> !s.isBlank()).ifPresent(secrets::add);
        Redaction.register(secrets);
        NotifyAdapter adapter = NotifyAdapter.create(notify, http, outboundPolicy(env), clock);
        OperatorAlertService alerts = new OperatorAlertService(persistence.alertLog(), adapter.operator(), clock);
        List<ActionExecutor> executors = new ArrayList<>();
        executors.add(new SlackAction(adapter.slack(), settings.publicBaseUrl()));
        executors.addAll(crmActions(engagements, settings.crm()));
        executors.add(new WebhookAction(adapter.webhooks(), clock));
        RunActionService runner = new RunActionService(persistence.actionOutbox(), List.copyOf(executors),
                persistence.audit(), persistence.transactions(), Optional.of(alerts), ids, clock);
        ActionPlanner planner = new ActionPlanner(persistence.actionOutbox(), persistence.audit(),
                persistence.companies(), persistence.signals(), rules, ids, clock, maxAttempts(env));
        return new ActionWiring(planner, runner, alerts);
    }

    /** {@code crm_task} and {@code flag_account}, written as tasks and notes through the configured CRM. */
    static List<ActionExecutor> crmActions(CrmEngagements engagements, String crmName) {
        return List.of(new CrmTaskAction(Optional.of(engagements), crmName),
                new FlagAccountAction(Optional.of(engagements), crmName));
    }

    /**
     * The SSRF guard for Slack and outbound webhooks. {@code OUTBOUND_ALLOWED_HOSTS} (comma-separated names) and
     * {@code OUTBOUND_ALLOWED_RANGES} (CIDR) let a known internal receiver through; nothing else private is.
     */
    static OutboundUrlPolicy outboundPolicy(Map<String, String> env) {
        Set<String> hosts = csv(env.get("OUTBOUND_ALLOWED_HOSTS")).stream().collect(Collectors.toSet());
        List<IpRange> ranges;
        try {
            ranges = csv(env.get("OUTBOUND_ALLOWED_RANGES")).stream().map(IpRange::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigurationError("OUTBOUND_ALLOWED_RANGES", e.getMessage());
        }
        return new OutboundUrlPolicy(new SystemHostResolver(), hosts, ranges);
    }

    private static List<String> csv(String value) {
        List<String> values = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return values;
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Settings.ConfigurationError(name, "must be a positive whole number");
    }
}
