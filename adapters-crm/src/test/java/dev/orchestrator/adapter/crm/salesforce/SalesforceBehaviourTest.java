package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmFailure.Kind;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Salesforce's own answers (tokens, error bodies, 300, limits) classified the way the error policy expects. */
class SalesforceBehaviourTest {
    private final FakeSalesforce org = new FakeSalesforce();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void an_expired_session_gets_one_fresh_token_and_the_call_goes_through() {
        CrmGateway gateway = gateway(settings());
        gateway.findContactByEmail(EmailAddress.parse("first@call.example"));
        org.expireSessions();

        assertThat(gateway.findContactByEmail(EmailAddress.parse("after@expiry.example"))).isEmpty();
        assertThat(org.tokensIssued()).isEqualTo(2);
    }

    @Test
    void refused_client_credentials_raise_an_alert_without_the_secret() {
        SalesforceSettings wrong = new SalesforceSettings(org.instanceUrl(), settings().tokenUrl(),
                FakeSalesforce.CLIENT_ID, "not-the-secret-123", "v62.0", Duration.ofSeconds(5),
                SalesforceFieldMap.defaults());

        CrmFailure failure = failureOf(() -> gateway(wrong).findContactByEmail(EmailAddress.parse("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.ALERT);
        assertThat(failure.getMessage()).contains("invalid_client").doesNotContain("not-the-secret-123");
    }

    @Test
    void every_write_turns_the_orgs_assignment_rules_off() {
        CrmGateway gateway = gateway(settings());
        CrmObjectId id = gateway.createContact(draft("rules@off.example", "lead"));
        gateway.updateContact(id, draft("rules@off.example", "mql"));

        assertThat(org.received()).filteredOn(r -> !r.method().equals("GET") && r.path().contains("/sobjects/"))
                .hasSize(2).allSatisfy(r -> assertThat(r.headers()).containsEntry("sforce-auto-assign", "false"));
    }

    @Test
    void a_picklist_value_the_org_does_not_allow_goes_to_review_naming_the_field_and_ours() {
        CrmFailure failure = failureOf(() -> gateway(settings()).createContact(draft("bad@stage.example", "nurture")));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .contains("field 'Lifecycle_Stage__c' INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST (our field LIFECYCLE_STAGE)");
    }

    @Test
    void a_field_the_org_lacks_goes_to_review_naming_it() {
        Map<Field, String> fields = new EnumMap<>(SalesforceFieldMap.defaults().fields());
        fields.put(Field.COMPANY, "Company__c");
        CrmGateway gateway = gateway(settings().withFieldMap(new SalesforceFieldMap(fields)));

        CrmFailure failure = failureOf(() -> gateway.findContactByEmail(EmailAddress.parse("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("field 'Company__c' INVALID_FIELD (our field COMPANY)");
    }

    @Test
    void an_external_id_matching_several_records_goes_to_review() {
        org.respondNext(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        org.respondNext(300, "[\"/services/data/v62.0/sobjects/Contact/003000000000001AAA\","
                + "\"/services/data/v62.0/sobjects/Contact/003000000000002AAA\"]");

        CrmFailure failure = failureOf(() -> gateway(settings()).createContact(draft("twice@ext.example", "lead")));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("300").contains("003000000000002AAA").contains("more than one");
    }

    @Test
    void a_spent_daily_allowance_is_retryable_later() {
        org.respondNext(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");

        CrmFailure failure = failureOf(() -> gateway(settings()).findContactByEmail(EmailAddress.parse("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
    }

    @Test
    void a_locked_row_is_retryable() {
        org.respondNext(400, "[{\"message\":\"unable to obtain exclusive access to this record\","
                + "\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"fields\":[]}]");

        CrmFailure failure = failureOf(() -> gateway(settings()).updateContact(new CrmObjectId("003000000000001AAA"),
                draft("a@b.io", "lead")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void an_unavailable_org_is_retryable() {
        org.respondNext(503, "[{\"message\":\"Server Unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");

        assertThat(failureOf(() -> gateway(settings()).owners()).kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void an_email_with_an_apostrophe_is_quoted_safely_in_soql() {
        String id = org.hold("Contact", Map.of("Email", "o'brien@pub.example", "LastName", "O'Brien"));

        assertThat(gateway(settings()).findContactByEmail(EmailAddress.parse("o'brien@pub.example")))
                .hasValueSatisfying(c -> assertThat(c.id().value()).isEqualTo(id));
    }

    @Test
    void an_account_website_with_scheme_and_www_is_found_by_its_domain_and_a_look_alike_is_not() {
        String acme = org.hold("Account", Map.of("Name", "Acme", "Website", "https://www.Acme.example/about"));
        org.hold("Account", Map.of("Name", "Not Acme", "Website", "notacme.example"));

        assertThat(gateway(settings()).findCompanyByDomain("acme.example"))
                .hasValueSatisfying(c -> assertThat(c.id().value()).isEqualTo(acme));
    }

    @Test
    void a_missing_last_name_is_sent_the_way_web_to_lead_does() {
        CrmObjectId id = gateway(settings()).createContact(new ContactDraft(EmailAddress.parse("anon@ymous.example"),
                PersonName.unknown(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(org.record("Contact", id.value()).path("LastName").asText()).isEqualTo("[not provided]");
    }

    @Test
    void a_create_whose_answer_was_lost_is_retried_without_a_second_contact() {
        CrmGateway gateway = gateway(settings());
        org.dropNextAnswerTo("/Orchestrator_Email__c/lost%40answer.example");

        CrmFailure lost = failureOf(() -> gateway.createContact(draft("lost@answer.example", "lead")));
        CrmObjectId retried = gateway.createContact(draft("lost@answer.example", "lead"));

        assertThat(lost.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(org.all("Contact")).singleElement()
                .satisfies(c -> assertThat(c.path("Id").asText()).isEqualTo(retried.value()));
    }

    @Test
    void owners_are_read_page_by_page() {
        org.pageQueriesBy(2);
        for (int i = 0; i < 5; i++) {
            org.hold("User", Map.of("Email", "u" + i + "@org.example", "LastName", "U" + i, "IsActive", i != 0,
                    "UserType", "Standard"));
        }

        assertThat(gateway(settings()).owners()).hasSize(5).filteredOn(o -> !o.active()).hasSize(1);
    }

    @Test
    void health_reports_the_daily_api_allowance() {
        var health = gateway(settings()).health();

        assertThat(health.up()).isTrue();
        assertThat(health.detail()).contains("API requests left today").contains("of 15000");
    }

    private SalesforceSettings settings() {
        return SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID, FakeSalesforce.CLIENT_SECRET);
    }

    private CrmGateway gateway(SalesforceSettings settings) {
        return SalesforceAdapter.create(settings, http);
    }

    private static ContactDraft draft(String email, String stage) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Test", "Person"), Optional.of("Acme"),
                Optional.empty(), Optional.of(stage), Optional.empty());
    }

    private static CrmFailure failureOf(ThrowingCallable call) {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class, call);
        assertThat(failure).as("expected a CrmFailure").isNotNull();
        return failure;
    }
}
