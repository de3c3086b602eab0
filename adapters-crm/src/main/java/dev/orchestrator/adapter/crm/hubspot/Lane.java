package dev.orchestrator.adapter.crm.hubspot;

/** Who is waiting for the portal's request budget: live inbound leads go ahead of backfills and replays. */
enum Lane { LIVE, BACKFILL }
