package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAdapter;
import dev.orchestrator.adapter.crm.salesforce.SalesforceSettings;
import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;
import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.service.SqlDeals;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Period;
import java.util.Map;

/**
 * Every CRM port of the configured CRM ({@code CRM=sandbox|hubspot|salesforce}), built once so that one portal's
 * rate limiter and daily budget (HubSpot) or one token (Salesforce) serve contacts, deals, notes, tasks and
 * batches alike.
 */
final class CrmWiring {
    /** The CRM's ports: {@code batches} is for backfills and replays (HubSpot: the backfill lane). */
    record CrmPorts(CrmGateway gateway, CrmDeals deals, CrmEngagements engagements, CrmContactBatches batches) {
    }

    private CrmWiring() {
    }

    static CrmPorts ports(Settings settings, Database database, HttpClient http, Clock clock) {
        return switch (settings.crm()) {
            case "hubspot" -> {
                HubSpotSettings hubSpot = HubSpotSettings.fromEnvironment(System.getenv());
                // A portal without our properties (or with other enum options) is a configuration error: say so now.
                HubSpotAdapter.checkFieldMap(hubSpot, http, clock).orThrow();
                HubSpotAdapter.Ports ports = HubSpotAdapter.createPorts(hubSpot, http, clock);
                yield new CrmPorts(ports.live(), ports.deals(), ports.engagements(), ports.batches());
            }
            case "salesforce" -> {
                SalesforceAdapter.Ports ports = SalesforceAdapter.createPorts(
                        SalesforceSettings.fromEnvironment(System.getenv()), http);
                yield new CrmPorts(ports.gateway(), ports.deals(), ports.engagements(), ports.batches());
            }
            default -> new CrmPorts(SandboxCrmAdapter.create(database.dataSource(), clock),
                    SandboxCrmAdapter.deals(database.dataSource(), clock),
                    SandboxCrmAdapter.engagements(database.dataSource(), clock),
                    SandboxCrmAdapter.contactBatches(database.dataSource(), clock));
        };
    }

    /**
     * Deals for leads reaching sql, from {@code CRM_DEALS} ({@code on} by default, {@code off} leaves deals to the
     * reps), {@code CRM_DEAL_PIPELINE}, {@code CRM_DEAL_STAGE} (the CRM's internal values; defaults: HubSpot's and
     * the sandbox's {@code default}/{@code appointmentscheduled}, Salesforce {@code New business}/{@code Prospecting})
     * and {@code CRM_DEAL_CLOSE_DAYS} (expected close date, default 30 days ahead).
     */
    static SqlDeals sqlDeals(Settings settings, CrmPorts ports, Map<String, String> env, Clock clock) {
        if ("off".equalsIgnoreCase(env.getOrDefault("CRM_DEALS", "on").strip())) {
            return SqlDeals.none();
        }
        boolean salesforce = settings.crm().equals("salesforce");
        String pipeline = value(env, "CRM_DEAL_PIPELINE", salesforce ? "New business" : "default");
        String stage = value(env, "CRM_DEAL_STAGE", salesforce ? "Prospecting" : "appointmentscheduled");
        int days;
        try {
            days = Integer.parseInt(value(env, "CRM_DEAL_CLOSE_DAYS", "30"));
        } catch (NumberFormatException e) {
            throw new Settings.ConfigurationError("CRM_DEAL_CLOSE_DAYS", "must be a whole number of days");
        }
        return new SqlDeals(ports.deals(), new SqlDeals.Settings(pipeline, stage, Period.ofDays(days)), clock);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
