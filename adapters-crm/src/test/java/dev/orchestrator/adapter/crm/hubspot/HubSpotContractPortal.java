package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of HubSpot's contract tests: one spec-checking fake portal per test class (started before its first
 * test, closed after its last), the adapter the test wires to it, and after every test the check that every call
 * matched HubSpot's published spec. Register it with {@code @RegisterExtension} on a static field, giving the
 * wiring: {@code new HubSpotContractPortal<>(HubSpotTestPortal::gateway)}.
 *
 * @param <A> what the test wires to the portal (a gateway, or every port)
 */
final class HubSpotContractPortal<A> implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Function<HubSpotTestPortal, A> wiring;
    private HubSpotTestPortal portal;
    private A adapter;

    HubSpotContractPortal(Function<HubSpotTestPortal, A> wiring) {
        this.wiring = wiring;
    }

    /** The adapter under test, wired once per test class. */
    A adapter() {
        return adapter;
    }

    /** The fake portal behind the adapter, to arrange and read HubSpot's own records. */
    FakeHubSpot hubSpot() {
        return portal.hubSpot;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        portal = new HubSpotTestPortal();
        adapter = wiring.apply(portal);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(portal.hubSpot.violations()).as("every call matched HubSpot's published spec").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        portal.close();
    }
}
