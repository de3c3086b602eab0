package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The CRM company each event's lead is linked to, kept durably before the CRM writes that act on it. A re-run of
 * the event (after a crash, a retry, a replay) reuses the choice instead of deciding again on a CRM that may have
 * changed meanwhile, so a contact is never linked to a second company. Each call is a short transaction of its
 * own, committed before the caller's next HTTP call.
 */
public interface CompanyChoices {

    Optional<CompanyChoice> find(UUID eventId, String domain);

    /**
     * Keeps {@code choice} for the event and domain unless a company is already kept for them (a plan to create
     * one is completed by the created company's id); answers the choice that is kept.
     */
    CompanyChoice choose(UUID eventId, CompanyChoice choice);

    /**
     * How the company was chosen ({@code found by domain}, {@code matched account}, {@code create}) and, once
     * known, its CRM id: a plan to create has no id until the CRM answers.
     */
    record CompanyChoice(String domain, Optional<String> crmCompanyId, String how, Instant at) {
    }
}
