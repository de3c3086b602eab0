package dev.orchestrator.application.port.out;

import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;

class InMemoryIdentityIndexContractTest extends IdentityIndexContract {
    @Override
    protected IdentityIndex index() {
        return InMemoryIdentityIndex.standard();
    }
}
