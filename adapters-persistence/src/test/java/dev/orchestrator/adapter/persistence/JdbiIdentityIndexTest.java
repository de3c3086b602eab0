package dev.orchestrator.adapter.persistence;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.port.out.IdentityIndexContract;
import dev.orchestrator.application.testing.SequentialIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class JdbiIdentityIndexTest extends IdentityIndexContract {
    @Override
    protected IdentityIndex index() {
        return PersistenceAdapter.create(TestDatabase.fresh(), Clock.fixed(Instant.parse("2026-01-05T10:15:30Z"),
                ZoneOffset.UTC), new SequentialIds()).identityIndex();
    }
}
