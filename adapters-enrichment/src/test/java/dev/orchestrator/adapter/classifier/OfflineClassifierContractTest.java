package dev.orchestrator.adapter.classifier;

import dev.orchestrator.application.port.out.classification.LeadClassifier;

class OfflineClassifierContractTest extends LeadClassifierContract {
    private final LeadClassifier offline = LeadClassifiers.offline();

    @Override
    LeadClassifier classifier() {
        return offline;
    }
}
