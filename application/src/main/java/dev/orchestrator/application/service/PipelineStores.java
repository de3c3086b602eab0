package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.Transactions;

/** The orchestrator's own state the pipeline reads and writes, in one bundle for the constructor. */
public record PipelineStores(EventStore events, ContactDirectory contacts, CompanyDirectory companies,
        SignalStore signals, ReviewQueue reviews, AuditLog audit, Transactions transactions) {
}
