package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import java.net.http.HttpClient;
import java.time.Clock;

/** The one public way to a HubSpot {@link CrmGateway}. */
public final class HubSpotAdapter {
    private HubSpotAdapter() {
    }

    /**
     * Both lanes over one portal budget: {@code live} for inbound leads, {@code backfill} for backfills and
     * replays, which wait while live calls wait and leave the live reserve of each window alone.
     */
    public record Lanes(CrmGateway live, CrmGateway backfill) {
    }

    /**
     * Every HubSpot port over one portal budget (ten-secondly window, search window and daily allowance):
     * contacts and companies on both lanes, deals, notes, tasks and company firmographics on the live lane, and the
     * batch upsert on the backfill lane (backfills and replays move many records at once).
     */
    public record Ports(CrmGateway live, CrmGateway backfill, CrmDeals deals, CrmEngagements engagements,
            CrmContactBatches batches, CrmCompanyProfiles companyProfiles) {
    }

    public static Ports createPorts(HubSpotSettings settings, HttpClient http, Clock clock) {
        return createPorts(settings, HubSpotCompanyFields.defaults(), http, clock, Sleeper.threadSleep());
    }

    public static Ports createPorts(HubSpotSettings settings, HubSpotCompanyFields companyFields, HttpClient http,
            Clock clock) {
        return createPorts(settings, companyFields, http, clock, Sleeper.threadSleep());
    }

    public static Ports createPorts(HubSpotSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        return createPorts(settings, HubSpotCompanyFields.defaults(), http, clock, sleeper);
    }

    public static Ports createPorts(HubSpotSettings settings, HubSpotCompanyFields companyFields, HttpClient http,
            Clock clock, Sleeper sleeper) {
        ObjectMapper json = json();
        HubSpotErrors errors = new HubSpotErrors(json, settings.token(), settings.fieldMap());
        HubSpotHttp client = new HubSpotHttp(settings, http, new RateLimiter(settings.rateLimits(), clock, sleeper),
                clock, json, errors);
        HubSpotObjects live = new HubSpotObjects(client, errors, json, Lane.LIVE);
        return new Ports(new HubSpotCrmGateway(client, errors, settings.fieldMap(), json, Lane.LIVE),
                new HubSpotCrmGateway(client, errors, settings.fieldMap(), json, Lane.BACKFILL),
                new HubSpotDeals(live), new HubSpotEngagements(live),
                new HubSpotContactBatches(client, new HubSpotObjects(client, errors, json, Lane.BACKFILL),
                        settings.fieldMap(), Lane.BACKFILL),
                new HubSpotCompanyProfiles(client, live, companyFields, Lane.LIVE));
    }

    /** The live-lane gateway; use {@link #createLanes} when backfills share the portal. */
    public static CrmGateway create(HubSpotSettings settings, HttpClient http, Clock clock) {
        return createLanes(settings, http, clock).live();
    }

    public static Lanes createLanes(HubSpotSettings settings, HttpClient http, Clock clock) {
        return createLanes(settings, http, clock, Sleeper.threadSleep());
    }

    /** With an explicit sleeper, so tests can run rate limits and {@code Retry-After} on a fake clock. */
    public static Lanes createLanes(HubSpotSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        ObjectMapper json = json();
        HubSpotErrors errors = new HubSpotErrors(json, settings.token(), settings.fieldMap());
        HubSpotHttp client = new HubSpotHttp(settings, http, new RateLimiter(settings.rateLimits(), clock, sleeper),
                clock, json, errors);
        return new Lanes(new HubSpotCrmGateway(client, errors, settings.fieldMap(), json, Lane.LIVE),
                new HubSpotCrmGateway(client, errors, settings.fieldMap(), json, Lane.BACKFILL));
    }

    /**
     * Both lanes, the record listing and the backfill's writes (both on the backfill lane) over one portal budget.
     */
    public record LanesWithRecords(Lanes lanes, CrmRecords records, CrmRecordFixes fixes) {
    }

    public static LanesWithRecords createLanesWithRecords(HubSpotSettings settings, HttpClient http, Clock clock) {
        return createLanesWithRecords(settings, http, clock, Sleeper.threadSleep());
    }

    public static LanesWithRecords createLanesWithRecords(HubSpotSettings settings, HttpClient http, Clock clock,
            Sleeper sleeper) {
        return createLanesWithRecords(settings, HubSpotCompanyFields.defaults(), http, clock, sleeper);
    }

    /** As above, with the portal's company properties and industry options ({@link HubSpotCompanyFields}). */
    public static LanesWithRecords createLanesWithRecords(HubSpotSettings settings, HubSpotCompanyFields companyFields,
            HttpClient http, Clock clock) {
        return createLanesWithRecords(settings, companyFields, http, clock, Sleeper.threadSleep());
    }

    static LanesWithRecords createLanesWithRecords(HubSpotSettings settings, HubSpotCompanyFields companyFields,
            HttpClient http, Clock clock, Sleeper sleeper) {
        ObjectMapper json = json();
        HubSpotErrors errors = new HubSpotErrors(json, settings.token(), settings.fieldMap());
        HubSpotHttp client = new HubSpotHttp(settings, http, new RateLimiter(settings.rateLimits(), clock, sleeper),
                clock, json, errors);
        return new LanesWithRecords(new Lanes(new HubSpotCrmGateway(client, errors, settings.fieldMap(), json,
                Lane.LIVE), new HubSpotCrmGateway(client, errors, settings.fieldMap(), json, Lane.BACKFILL)),
                new HubSpotCrmRecords(client, errors, json, companyFields), new HubSpotRecordFixes(client, errors, json));
    }

    /**
     * Checks the settings' field map against the portal's contact property definitions (needs the
     * {@code crm.schemas.contacts.read} scope). Call it at start-up: {@code checkFieldMap(...).orThrow()}.
     * A failed call (wrong token, missing scope) throws the classified {@code CrmFailure}.
     */
    public static FieldMapCheck checkFieldMap(HubSpotSettings settings, HttpClient http, Clock clock) {
        return checkFieldMap(settings, http, clock, Sleeper.threadSleep());
    }

    public static FieldMapCheck checkFieldMap(HubSpotSettings settings, HttpClient http, Clock clock,
            Sleeper sleeper) {
        ObjectMapper json = json();
        HubSpotErrors errors = new HubSpotErrors(json, settings.token(), settings.fieldMap());
        HubSpotHttp client = new HubSpotHttp(settings, http, new RateLimiter(settings.rateLimits(), clock, sleeper),
                clock, json, errors);
        return new HubSpotFieldMapVerifier(client, errors, json).check(settings.fieldMap());
    }

    private static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
