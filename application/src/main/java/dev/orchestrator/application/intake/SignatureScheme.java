package dev.orchestrator.application.intake;

import java.time.Instant;

/** How one kind of sender signs its webhooks (Standard Webhooks, HubSpot v3, Stripe, GitHub). */
public interface SignatureScheme {
    String name();

    SignatureCheck verify(WebhookRequest request, Instant now);
}
