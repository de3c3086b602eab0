package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotCompanyFields;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAccountFields;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAdapter;
import dev.orchestrator.adapter.crm.salesforce.SalesforceSettings;
import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;
import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
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
 * rate limiter and daily budget (HubSpot) or one token (Salesforce) serve contacts, deals, notes, tasks,
 * batches and company firmographics alike. Which company property holds which firmographic field comes from
 * {@code HUBSPOT_COMPANY_PROPERTIES}/{@code HUBSPOT_INDUSTRY_OPTIONS} or
 * {@code SALESFORCE_ACCOUNT_FIELDS}/{@code SALESFORCE_INDUSTRY_VALUES}.
 */
final class CrmWiring {
    /** The CRM's ports: {@code batches} is for backfills and replays (HubSpot: the backfill lane). */
    record CrmPorts(CrmGateway gateway, CrmDeals deals, CrmEngagements engagements, CrmContactBatches batches,
            CrmCompanyProfiles companyProfiles) {
    }

    private CrmWiring() {
    }

    static CrmPorts ports(Settings settings, Database database, HttpClient http, Clock clock) {
        return switch (settings.crm()) {
            case "hubspot" -> {
                HubSpotSettings hubSpot = HubSpotSettings.fromEnvironment(System.getenv());
                // A portal without our properties (or with other enum options) is a configuration error: say so now.
                HubSpotAdapter.checkFieldMap(hubSpot, http, clock).orThrow();
                HubSpotAdapter.Ports ports = HubSpotAdapter.createPorts(hubSpot,
                        companyFields("HUBSPOT_COMPANY_PROPERTIES", () -> HubSpotCompanyFields.fromEnvironment(
                                System.getenv())), http, clock);
                yield new CrmPorts(ports.live(), ports.deals(), ports.engagements(), ports.batches(),
                        ports.companyProfiles());
            }
            case "salesforce" -> {
                SalesforceAdapter.Ports ports = SalesforceAdapter.createPorts(
                        SalesforceSettings.fromEnvironment(System.getenv()),
                        companyFields("SALESFORCE_ACCOUNT_FIELDS", () -> SalesforceAccountFields.fromEnvironment(
                                System.getenv())), http);
                yield new CrmPorts(ports.gateway(), ports.deals(), ports.engagements(), ports.batches(),
                        ports.companyProfiles());
            }
            default -> new CrmPorts(SandboxCrmAdapter.create(database.dataSource(), clock),
                    SandboxCrmAdapter.deals(database.dataSource(), clock),
                    SandboxCrmAdapter.engagements(database.dataSource(), clock),
                    SandboxCrmAdapter.contactBatches(database.dataSource(), clock),
                    SandboxCrmAdapter.companyProfiles(database.dataSource(), clock));
        };
    }

    /** A bad company field map stops start-up with the variable's name, not a stack trace from the adapter. */
    static <T> T companyFields(String variable, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigurationError(variable, e.getMessage());
        }
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
