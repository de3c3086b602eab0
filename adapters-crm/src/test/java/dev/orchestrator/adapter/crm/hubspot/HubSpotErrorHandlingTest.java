package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmFailure.Kind;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every HubSpot failure comes back classified: retry later, send to review, or alert an operator. */
class HubSpotErrorHandlingTest {
    private static final String RATE_LIMITED = "{\"status\":\"error\",\"message\":\"You have reached your "
            + "ten_secondly_rolling limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":"
            + "\"c033cdaa-2c40-4a64-ae48-b4cec88dad24\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";

    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void a_429_is_waited_out_for_as_long_as_retry_after_says_and_the_call_then_succeeds() {
        portal.hubSpot.respondNext(429, RATE_LIMITED, Map.of("Retry-After", "7"));

        CrmObjectId id = portal.gateway().createContact(draft("wait@retry.example"));

        assertThat(portal.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(portal.hubSpot.propertiesOf(id.value())).containsEntry("email", "wait@retry.example");
        assertThat(portal.hubSpot.contactCount()).isEqualTo(1);
    }

    @Test
    void a_429_on_every_attempt_is_retryable_later_with_the_wait_hubspot_asked_for() {
        for (int i = 0; i < 4; i++) {
            portal.hubSpot.respondNext(429, RATE_LIMITED, Map.of("Retry-After", "3"));
        }

        CrmFailure failure = failureOf(() -> portal.gateway().createContact(draft("busy@portal.example")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.getMessage()).contains("TEN_SECONDLY_ROLLING").contains("after 4 attempts");
        assertThat(portal.hubSpot.received()).hasSize(4);
    }

    @Test
    void the_daily_limit_is_not_retried_in_the_call_but_handed_back_as_retryable() {
        portal.hubSpot.respondNext(429, RATE_LIMITED.replace("TEN_SECONDLY_ROLLING", "DAILY"),
                Map.of("Retry-After", "3600"));

        CrmFailure failure = failureOf(() -> portal.gateway().createContact(draft("daily@limit.example")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
        assertThat(portal.hubSpot.received()).hasSize(1);
        assertThat(portal.sleeper.sleeps()).isEmpty();
    }

    @Test
    void a_server_error_is_retryable() {
        portal.hubSpot.respondNext(502, "{\"status\":\"error\",\"message\":\"Bad Gateway\",\"correlationId\":"
                + "\"11111111-2222-3333-4444-555555555555\",\"category\":\"BAD_GATEWAY\"}", Map.of());

        CrmFailure failure = failureOf(() -> portal.gateway().findContactByEmail(EmailAddress.parse("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).contains("502").contains("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void an_answer_later_than_the_request_timeout_is_retryable() {
        portal.hubSpot.stallNextAnswer(Duration.ofSeconds(2));
        CrmGateway gateway = portal.gateway(s -> s.withRequestTimeout(Duration.ofMillis(200)));

        CrmFailure failure = failureOf(() -> gateway.findContactByEmail(EmailAddress.parse("slow@portal.example")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).contains("no answer within 200 ms");
    }

    @Test
    void retry_after_given_as_an_http_date_is_waited_out_until_that_date() {
        portal.hubSpot.respondNext(429, RATE_LIMITED, Map.of("Retry-After", "Mon, 05 Jan 2026 10:15:42 GMT"));

        portal.gateway().createContact(draft("dated@retry.example"));

        assertThat(portal.sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void a_connection_cut_before_the_answer_is_retryable() {
        portal.hubSpot.dropNextAnswerTo("post-/crm/v3/objects/contacts_create");

        CrmFailure failure = failureOf(() -> portal.gateway().createContact(draft("cut@wire.example")));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void an_option_the_portal_does_not_allow_goes_to_review_naming_the_property_and_our_field() {
        CrmFailure failure = failureOf(() -> portal.gateway().createContact(new ContactDraft(
                EmailAddress.parse("bad@stage.example"), PersonName.unknown(), Optional.empty(), Optional.empty(),
                Optional.of("nurture"), Optional.empty())));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("VALIDATION_ERROR")
                .contains("property 'lifecyclestage' INVALID_OPTION (our field LIFECYCLE_STAGE)");
    }

    @Test
    void a_property_the_portal_does_not_have_goes_to_review_naming_it() {
        Map<Field, String> properties = new EnumMap<>(HubSpotFieldMap.defaults().properties());
        properties.put(Field.COMPANY, "company_name");
        CrmGateway gateway = portal.gateway(s -> s.withFieldMap(
                new HubSpotFieldMap(properties, HubSpotFieldMap.defaults().lifecycleStages())));

        CrmFailure failure = failureOf(() -> gateway.createContact(draft("no@property.example")));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("property 'company_name' PROPERTY_DOESNT_EXIST (our field COMPANY)");
    }

    @Test
    void an_owner_the_portal_does_not_know_goes_to_review_naming_the_owner_property() {
        CrmFailure failure = failureOf(() -> portal.gateway().createContact(new ContactDraft(
                EmailAddress.parse("owner@less.example"), PersonName.unknown(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("424242"))));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("property 'hubspot_owner_id'").contains("OWNER");
    }

    @Test
    void a_rejected_token_raises_an_alert_that_does_not_contain_the_token() {
        CrmGateway gateway = portal.gateway(s -> new HubSpotSettings(s.baseUrl(), "pat-na1-revoked-token-0000",
                s.rateLimits(), s.requestTimeout(), s.maxAttempts(), s.fieldMap()));

        CrmFailure failure = failureOf(() -> gateway.findContactByEmail(EmailAddress.parse("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.ALERT);
        assertThat(failure.getMessage()).contains("401").contains("INVALID_AUTHENTICATION")
                .doesNotContain("pat-na1-revoked-token-0000");
    }

    @Test
    void a_token_hubspot_echoes_in_its_error_is_scrubbed_from_the_failure() {
        portal.hubSpot.respondNext(401, "{\"status\":\"error\",\"message\":\"The OAuth token used to make this "
                + "call expired 2 day(s) ago: " + FakeHubSpot.TOKEN + "\",\"correlationId\":"
                + "\"11111111-2222-3333-4444-555555555555\",\"category\":\"EXPIRED_AUTHENTICATION\"}", Map.of());

        CrmFailure failure = failureOf(() -> portal.gateway().createContact(draft("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.ALERT);
        assertThat(failure.getMessage()).contains("expired 2 day(s) ago").contains("[redacted]")
                .doesNotContain(FakeHubSpot.TOKEN);
    }

    @Test
    void missing_scopes_raise_an_alert_naming_the_scopes() {
        portal.hubSpot.respondNext(403, "{\"status\":\"error\",\"message\":\"This app hasn't been granted all "
                + "required scopes to make this call.\",\"correlationId\":\"11111111-2222-3333-4444-555555555555\","
                + "\"category\":\"MISSING_SCOPES\",\"context\":{\"requiredGranularScopes\":"
                + "[\"crm.objects.contacts.write\"]}}", Map.of());

        CrmFailure failure = failureOf(() -> portal.gateway().createContact(draft("a@b.io")));

        assertThat(failure.kind()).isEqualTo(Kind.ALERT);
        assertThat(failure.getMessage()).contains("MISSING_SCOPES").contains("crm.objects.contacts.write");
    }

    @Test
    void a_conflict_without_an_existing_id_is_resolved_by_searching_the_email() {
        String existing = portal.hubSpot.holdContact(Map.of("email", "dup@licate.example"));
        portal.hubSpot.respondNext(409, "{\"status\":\"error\",\"message\":\"Contact already exists\","
                + "\"correlationId\":\"11111111-2222-3333-4444-555555555555\",\"category\":\"CONFLICT\"}", Map.of());

        CrmObjectId id = portal.gateway().createContact(draft("dup@licate.example"));

        assertThat(id.value()).isEqualTo(existing);
        assertThat(portal.hubSpot.contactCount()).isEqualTo(1);
    }

    @Test
    void two_contacts_with_one_email_go_to_review() {
        portal.hubSpot.respondNext(200, "{\"total\":2,\"results\":[{\"id\":\"1\",\"properties\":{},\"createdAt\":"
                + "\"2026-01-05T10:15:30Z\",\"updatedAt\":\"2026-01-05T10:15:30Z\",\"archived\":false},{\"id\":\"2\","
                + "\"properties\":{},\"createdAt\":\"2026-01-05T10:15:30Z\",\"updatedAt\":\"2026-01-05T10:15:30Z\","
                + "\"archived\":false}]}", Map.of());

        CrmFailure failure = failureOf(() -> portal.gateway().findContactByEmail(EmailAddress.parse("two@one.io")));

        assertThat(failure.kind()).isEqualTo(Kind.REVIEW);
        assertThat(failure.getMessage()).contains("[1, 2]");
    }

    @Test
    void health_is_down_with_the_alert_when_the_token_is_rejected() {
        CrmGateway gateway = portal.gateway(s -> new HubSpotSettings(s.baseUrl(), "pat-na1-wrong", s.rateLimits(),
                s.requestTimeout(), s.maxAttempts(), s.fieldMap()));

        CrmHealth health = gateway.health();

        assertThat(health.up()).isFalse();
        assertThat(health.detail()).startsWith("ALERT").doesNotContain("pat-na1-wrong");
    }

    private static ContactDraft draft(String email) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Test", "Person"), Optional.of("Acme"),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }

    private static CrmFailure failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class, call);
        assertThat(failure).as("expected a CrmFailure").isNotNull();
        return failure;
    }
}
