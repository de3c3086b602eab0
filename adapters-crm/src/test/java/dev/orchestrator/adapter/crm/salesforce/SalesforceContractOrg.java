package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.function.BiFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of Salesforce's contract tests: one scripted fake org per test class (started before its first test,
 * closed after its last), the adapter the test wires to it through one of {@link SalesforceAdapter}'s factories,
 * and after every test the check that every write kept assignment rules off. Register it with
 * {@code @RegisterExtension} on a static field, giving the factory:
 * {@code new SalesforceContractOrg<>(SalesforceAdapter::create)}.
 *
 * @param <A> what the factory wires to the org (a gateway, or every port)
 */
final class SalesforceContractOrg<A> implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final BiFunction<SalesforceSettings, HttpClient, A> factory;
    private FakeSalesforce org;
    private A adapter;

    SalesforceContractOrg(BiFunction<SalesforceSettings, HttpClient, A> factory) {
        this.factory = factory;
    }

    /** The adapter under test, wired once per test class. */
    A adapter() {
        return adapter;
    }

    /** The fake org behind the adapter, to arrange and read Salesforce's own records. */
    FakeSalesforce org() {
        return org;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        org = new FakeSalesforce();
        adapter = factory.apply(SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID,
                FakeSalesforce.CLIENT_SECRET), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(org.violations()).as("every write kept assignment rules off").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        org.close();
    }
}
