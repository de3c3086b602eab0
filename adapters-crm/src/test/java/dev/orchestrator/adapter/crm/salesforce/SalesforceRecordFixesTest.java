package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backfill's writes against a local org that answers as Salesforce does: REST reads and updates, {@code queryAll}
 * over the recycle bin, and the SOAP API's {@code merge()} with its results and faults.
 */
class SalesforceRecordFixesTest {
    private static final String OWNER = "005000000000042AAA";

    private final FakeSalesforce org = new FakeSalesforce();
    private final CrmRecordFixes fixes = SalesforceAdapter.fixes(SalesforceSettings.of(org.instanceUrl(),
            FakeSalesforce.CLIENT_ID, FakeSalesforce.CLIENT_SECRET),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    @BeforeEach
    void owner() {
        org.holdWithId("User", OWNER, Map.of("Email", "rep@example.com", "IsActive", true));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void a_field_is_read_by_its_salesforce_name_and_an_unset_one_reads_empty() {
        String id = org.hold("Contact", Map.of("LastName", "Doe", "Phone", "(650) 253-0000"));

        assertThat(fixes.read(RecordType.CONTACT, id, Set.of(RecordField.PHONE, RecordField.COUNTRY)))
                .containsEntry(RecordField.PHONE, "(650) 253-0000").containsEntry(RecordField.COUNTRY, "");
        assertThat(org.received()).last().satisfies(r -> assertThat(r.path()).endsWith("/sobjects/Contact/" + id));
    }

    @Test
    void a_write_patches_the_fields_and_an_empty_value_clears_one() {
        String id = org.hold("Account", Map.of("Name", "Acme", "BillingCountry", "USA"));

        fixes.write(RecordType.COMPANY, id, Map.of(RecordField.COUNTRY, "", RecordField.OWNER, OWNER));

        assertThat(org.record("Account", id).get("BillingCountry").isNull()).isTrue();
        assertThat(org.record("Account", id).path("OwnerId").asText()).isEqualTo(OWNER);
        assertThat(org.violations()).isEmpty();
    }

    @Test
    void the_taxonomys_industry_is_not_written_over_the_orgs_picklist() {
        String id = org.hold("Account", Map.of("Name", "Acme"));

        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.write(RecordType.COMPANY, id, Map.of(RecordField.INDUSTRY, "software")));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("picklist");
        assertThat(org.received()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void a_merge_keeps_the_winners_values_fills_its_blanks_from_the_loser_and_moves_the_losers_children() {
        String acme = org.hold("Account", Map.of("Name", "Acme"));
        String winner = org.hold("Contact", Map.of("LastName", "Doe", "Email", "jane@acme.com", "Phone", ""));
        String loser = org.hold("Contact", Map.of("LastName", "Doe-Smith", "Email", "j.doe@acme.com",
                "Phone", "+14155550101", "AccountId", acme));
        String task = org.hold("Task", Map.of("WhoId", loser, "Subject", "Call back"));

        boolean merged = fixes.merge(RecordType.CONTACT, winner, loser);

        assertThat(merged).isTrue();
        assertThat(org.record("Contact", winner).path("Email").asText()).isEqualTo("jane@acme.com");
        assertThat(org.record("Contact", winner).path("LastName").asText()).isEqualTo("Doe");
        assertThat(org.record("Contact", winner).path("Phone").asText()).isEqualTo("+14155550101");
        assertThat(org.record("Contact", winner).path("AccountId").asText()).isEqualTo(acme);
        assertThat(org.record("Task", task).path("WhoId").asText()).isEqualTo(winner);
        assertThat(org.holds("Contact", loser)).isFalse();
        assertThat(org.deleted("Contact", loser).path("MasterRecordId").asText()).isEqualTo(winner);
        assertThat(org.violations()).isEmpty();
    }

    @Test
    void a_merge_is_one_soap_call_with_the_session_in_its_header() {
        String winner = org.hold("Account", Map.of("Name", "Acme Inc."));
        String loser = org.hold("Account", Map.of("Name", "ACME Corporation", "Website", "acme.com"));

        fixes.merge(RecordType.COMPANY, winner, loser);

        assertThat(org.received()).filteredOn(r -> r.path().equals(FakeSalesforce.SOAP)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("<p:merge>", "<o:type>Account</o:type>",
                        "<o:Id>" + winner + "</o:Id>", "<o:Website>acme.com</o:Website>",
                        "<p:recordToMergeIds>" + loser + "</p:recordToMergeIds>", "<p:sessionId>00D"));
    }

    @Test
    void a_loser_already_merged_into_the_winner_is_not_merged_again() {
        String winner = org.hold("Contact", Map.of("LastName", "Doe"));
        String loser = org.hold("Contact", Map.of("LastName", "Doe"));
        fixes.merge(RecordType.CONTACT, winner, loser);

        boolean again = fixes.merge(RecordType.CONTACT, winner, loser);

        assertThat(again).isFalse();
        assertThat(org.received()).filteredOn(r -> r.path().equals(FakeSalesforce.SOAP)).hasSize(1);
    }

    @Test
    void a_loser_merged_into_another_record_is_a_review_naming_that_record() {
        String winner = org.hold("Contact", Map.of("LastName", "Doe"));
        String other = org.hold("Contact", Map.of("LastName", "Doe"));
        String loser = org.hold("Contact", Map.of("LastName", "Doe"));
        fixes.merge(RecordType.CONTACT, other, loser);

        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.merge(RecordType.CONTACT, winner, loser));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("merged into " + other);
    }

    @Test
    void an_expired_session_is_a_soap_fault_answered_with_a_fresh_token_and_one_resend() {
        String winner = org.hold("Contact", Map.of("LastName", "Doe"));
        String loser = org.hold("Contact", Map.of("LastName", "Doe"));
        fixes.read(RecordType.CONTACT, winner, Set.of(RecordField.PHONE));
        org.expireSessions();
        org.respondNext(200, "{\"totalSize\":2,\"done\":true,\"records\":[{\"Id\":\"" + winner
                + "\",\"IsDeleted\":false,\"LastName\":\"Doe\"},{\"Id\":\"" + loser
                + "\",\"IsDeleted\":false,\"LastName\":\"Doe\"}]}");

        boolean merged = fixes.merge(RecordType.CONTACT, winner, loser);

        assertThat(merged).isTrue();
        assertThat(org.tokensIssued()).isEqualTo(2);
        assertThat(org.received()).filteredOn(r -> r.path().equals(FakeSalesforce.SOAP)).hasSize(2);
        assertThat(org.holds("Contact", loser)).isFalse();
    }

    @Test
    void a_locked_row_in_the_merge_result_is_retryable() {
        String winner = org.hold("Contact", Map.of("LastName", "Doe"));
        String loser = org.hold("Contact", Map.of("LastName", "Doe"));
        org.failNextMerge("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");

        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.merge(RecordType.CONTACT, winner, loser));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(failure.getMessage()).contains("UNABLE_TO_LOCK_ROW");
        assertThat(org.holds("Contact", loser)).isTrue();
    }

    @Test
    void a_merge_salesforce_refuses_is_a_review_with_its_status_code() {
        String winner = org.hold("Contact", Map.of("LastName", "Doe"));
        String loser = org.hold("Contact", Map.of("LastName", "Doe"));
        org.failNextMerge("FIELD_INTEGRITY_EXCEPTION", "a validation rule refused the merged record");

        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.merge(RecordType.CONTACT, winner, loser));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("FIELD_INTEGRITY_EXCEPTION", "validation rule");
    }

    @Test
    void a_record_salesforce_does_not_have_is_a_review() {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.read(RecordType.CONTACT, "003000000000999AAA", Set.of(RecordField.EMAIL)));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("404", "NOT_FOUND");
    }

    @Test
    void an_id_that_is_not_a_salesforce_id_is_refused_before_anything_is_sent() {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> fixes.merge(RecordType.CONTACT, "003000000000001AAA", "x' OR Id != '"));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("not a Salesforce record id");
        assertThat(org.received()).isEmpty();
    }
}
