package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.RunningOrchestrator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One worker's batch goes through the pipeline as one wave whose leads' final writes are committed together. The
 * leads are acknowledged by an instance without workers, so a second instance's single worker claims them all in
 * one batch.
 */
class WaveOfLeadsTest {
    private RunningOrchestrator intake;
    private RunningOrchestrator worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        intake.close();
    }

    @Test
    void leadsOfOneBatchSharingAnEmailOrACompanyEachSeeTheWritesOfTheOnesBefore() {
        intake = RunningOrchestrator.intakeOnly();
        intake.postSigned("msg_ada_1", lead("ada@analyticalengines.io", "Ada", "Lovelace", "Analytical Engines",
                "analyticalengines.io"));
        intake.postSigned("msg_cy_1", lead("cy@globex.io", "Cy", "Young", "Globex", "globex.io"));
        intake.postSigned("msg_ada_2", lead("ada@analyticalengines.io", "Ada", "Lovelace", "Analytical Engines",
                "analyticalengines.io"));
        intake.postSigned("msg_bob_1", lead("bob@analyticalengines.io", "Bob", "Babbage", "Analytical Engines",
                "analyticalengines.io"));

        worker = RunningOrchestrator.alongside(intake, 1);
        awaitDone(4);

        assertThat(intake.queryOne("select count(*) from contacts where email = 'ada@analyticalengines.io'"))
                .as("the second submission updated the contact the first created").isEqualTo("1");
        assertThat(intake.queryOne("select count(*) from sandbox_crm.contacts where email in ("
                + "'ada@analyticalengines.io', 'bob@analyticalengines.io', 'cy@globex.io')")).isEqualTo("3");
        assertThat(intake.queryOne("select count(*) from sandbox_crm.companies where domain = 'analyticalengines.io'"))
                .isEqualTo("1");
        assertThat(intake.queryOne("select max(attempts) from jobs where kind = 'process-event'"))
                .as("no lead needed a second attempt")
                .isEqualTo("1");
        assertThat(intake.queryOne("select count(*) from signals where email = 'ada@analyticalengines.io'"))
                .isEqualTo("2");
    }

    @Test
    void aLeadWhoseWriteFailsInItsWaveIsRetriedAndTheWavesOtherLeadsAreDoneAtOnce() {
        intake = RunningOrchestrator.intakeOnly();
        intake.sql("""
                create function refuse_dunn() returns trigger language plpgsql as $$
                begin
                    if new.email = 'bea@initech.io' then raise exception 'contact refused for the test'; end if;
                    return new;
                end $$""");
        intake.sql("create trigger refuse_dunn before insert on contacts for each row execute function refuse_dunn()");
        intake.postSigned("msg_ada_1", lead("ada@analyticalengines.io", "Ada", "Lovelace", "Analytical Engines",
                "analyticalengines.io"));
        intake.postSigned("msg_bea_1", lead("bea@initech.io", "Bea", "Dunn", "Initech", "initech.io"));
        intake.postSigned("msg_cy_1", lead("cy@globex.io", "Cy", "Young", "Globex", "globex.io"));

        worker = RunningOrchestrator.alongside(intake, 1);
        awaitDone(2);

        assertThat(intake.queryOne(
                "select count(*) from jobs where kind = 'process-event' and status = 'done' and attempts = 1"))
                .as("the wave's other leads, done at their first attempt").isEqualTo("2");
        assertThat(intake.queryOne("select last_error from jobs where kind = 'process-event' and status <> 'done'"))
                .contains("contact refused for the test");

        intake.sql("drop trigger refuse_dunn on contacts");
        awaitDone(3);
        assertThat(intake.queryOne("select count(*) from contacts where email = 'bea@initech.io'"))
                .as("nothing acknowledged is lost").isEqualTo("1");
    }

    /** Until {@code events} events' jobs are marked done (after their wave's commit). */
    private void awaitDone(int events) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Integer.parseInt(intake.queryOne(
                "select count(*) from jobs where kind = 'process-event' and status = 'done'")) < events) {
            assertThat(Instant.now()).as("%d events done in time", events).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String lead(String email, String first, String last, String company, String website) {
        return "{\"id\":\"rec-" + Math.abs((email + first).hashCode()) + "\",\"email\":\"" + email
                + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"company\":\"" + company
                + "\",\"website\":\"" + website + "\",\"country\":\"US\",\"consent\":true}";
    }
}
