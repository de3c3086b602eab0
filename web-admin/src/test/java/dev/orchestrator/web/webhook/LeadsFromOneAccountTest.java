package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.RunningOrchestrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many leads from one account: the second lead links to the company the first one wrote, and leaves its row as it
 * was when it has nothing new to say (a row every lead rewrote would make the workers queue behind its lock).
 */
class LeadsFromOneAccountTest {
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
    void a_second_lead_with_nothing_new_about_its_company_links_to_it_without_rewriting_it() {
        post("msg_account_1", "ana.silva@brightwavelabs.io", "Silva");
        String rowVersion = single("select xmin::text from companies where domain = 'brightwavelabs.io'");
        String crmCompany = single("select crm_id from companies where domain = 'brightwavelabs.io'");

        post("msg_account_2", "ben.okafor@brightwavelabs.io", "Okafor");

        assertThat(rowVersion).isNotNull();
        assertThat(single("select xmin::text from companies where domain = 'brightwavelabs.io'"))
                .isEqualTo(rowVersion);
        assertThat(single("select count(distinct cc.company_id)::text from sandbox_crm.contact_companies cc"
                + " join sandbox_crm.contacts c on c.id = cc.contact_id where c.email like '%@brightwavelabs.io'"))
                .isEqualTo("1");
        assertThat(single("select cc.company_id::text from sandbox_crm.contact_companies cc join sandbox_crm.contacts c"
                + " on c.id = cc.contact_id where c.email = 'ben.okafor@brightwavelabs.io'")).isEqualTo(crmCompany);
    }

    private static void post(String id, String email, String lastName) {
        server.postSigned(id, "{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"firstName\":\"Sam\","
                + "\"lastName\":\"" + lastName + "\",\"company\":\"Brightwave Labs\","
                + "\"website\":\"https://www.brightwavelabs.io\",\"country\":\"US\",\"consent\":true}");
        server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200);
    }

    private static String single(String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
