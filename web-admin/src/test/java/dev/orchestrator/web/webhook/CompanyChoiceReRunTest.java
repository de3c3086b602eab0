package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lead matched to an existing account on another domain (a similar name) keeps that company when its event is
 * run again, even after the company of its own domain has appeared in the CRM: the contact is linked to one company.
 */
class CompanyChoiceReRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningOrchestrator server;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReplayedLeadStaysLinkedToTheAccountItsFirstRunMatchedAfterItsOwnDomainsCompanyAppeared() throws Exception {
        processed("msg_choice_1", "first@kept-choice-1.com", "Kept Choice");
        String eventId = processed("msg_choice_2", "second@kept-choice-2.com", "Kept Choice");
        assertThat(linkedDomains("second@kept-choice-2.com")).containsExactly("kept-choice-1.com");

        server.sql("insert into sandbox_crm.companies (name, domain, createdate, lastmodifieddate) "
                + "values ('Kept Choice Two', 'kept-choice-2.com', now(), now())");
        long jobId = server.buryAsIfTheCrmFailed(eventId);
        assertThat(server.postApi("/api/dead-letters/" + jobId + "/replay", RunningOrchestrator.OPERATOR_TOKEN, "{}")
                .statusCode()).isEqualTo(200);
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));

        assertThat(linkedDomains("second@kept-choice-2.com")).containsExactly("kept-choice-1.com");
        assertThat(server.get("/api/events/" + eventId).body()).contains("kept from an earlier run");
    }

    private static String processed(String messageId, String email, String company) throws Exception {
        String lead = "{\"id\":\"" + messageId + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + "\"lastName\":\"Doe\",\"company\":\"" + company + "\",\"consent\":true}";
        String eventId = JSON.readTree(server.postSigned(messageId, lead).body()).get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        return eventId;
    }

    private static List<String> linkedDomains(String email) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement query = connection.prepareStatement("""
                        select co.domain from sandbox_crm.contact_companies l
                        join sandbox_crm.contacts c on c.id = l.contact_id
                        join sandbox_crm.companies co on co.id = l.company_id
                        where c.email = ? order by co.domain""")) {
            query.setString(1, email);
            List<String> domains = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    domains.add(rs.getString(1));
                }
            }
            return domains;
        }
    }
}
