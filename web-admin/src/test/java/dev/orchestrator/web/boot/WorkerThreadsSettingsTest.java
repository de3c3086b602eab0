package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerThreadsSettingsTest {

    @Test
    void withTheSandboxCrmThereIsAWorkerForEveryProcessor() {
        assertThat(Settings.defaultWorkerThreads("sandbox", 8)).isEqualTo(8);
    }

    @Test
    void withTheSandboxCrmThereAreAtLeastTwoWorkers() {
        assertThat(Settings.defaultWorkerThreads("sandbox", 1)).isEqualTo(2);
    }

    @Test
    void aRemoteCrmKeepsFourWorkersWhateverTheProcessors() {
        assertThat(Settings.defaultWorkerThreads("hubspot", 2)).isEqualTo(4);
        assertThat(Settings.defaultWorkerThreads("salesforce", 16)).isEqualTo(4);
    }

    @Test
    void anUnsetVariableTakesTheDefaultForThisMachine() {
        Settings settings = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty());

        assertThat(settings.workerThreads())
                .isEqualTo(Settings.defaultWorkerThreads("sandbox", Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void aSetVariableWins() {
        Settings settings = Settings.fromEnvironment(Map.of("WORKER_THREADS", "6"), Optional.empty(),
                Optional.empty());

        assertThat(settings.workerThreads()).isEqualTo(6);
    }
}
