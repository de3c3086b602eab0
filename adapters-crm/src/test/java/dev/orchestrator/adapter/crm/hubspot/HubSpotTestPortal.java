package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CrmGateway;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** A fake portal, a fake clock and gateways wired to both: the fixture of the HubSpot-specific tests. */
final class HubSpotTestPortal implements AutoCloseable {
    static final Instant START = Instant.parse("2026-01-05T10:15:30Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final FakeHubSpot hubSpot = new FakeHubSpot(clock);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HubSpotSettings settings() {
        return HubSpotSettings.of(FakeHubSpot.TOKEN).withBaseUrl(hubSpot.baseUrl());
    }

    CrmGateway gateway() {
        return lanes(s -> s).live();
    }

    CrmGateway gateway(UnaryOperator<HubSpotSettings> tweak) {
        return lanes(tweak).live();
    }

    HubSpotAdapter.Lanes lanes(UnaryOperator<HubSpotSettings> tweak) {
        return HubSpotAdapter.createLanes(tweak.apply(settings()), http, clock, sleeper);
    }

    /** Every port over one portal budget. */
    HubSpotAdapter.Ports ports() {
        return ports(s -> s);
    }

    /** Every port over one portal budget, with settings tweaked by the test. */
    HubSpotAdapter.Ports ports(UnaryOperator<HubSpotSettings> tweak) {
        return HubSpotAdapter.createPorts(tweak.apply(settings()), http, clock, sleeper);
    }

    @Override
    public void close() {
        hubSpot.close();
    }
}
