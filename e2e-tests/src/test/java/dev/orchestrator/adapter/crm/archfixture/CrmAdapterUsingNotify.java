package dev.orchestrator.adapter.crm.archfixture;

import dev.orchestrator.adapter.notify.NotifyAdapter;

/** Deliberate violation: a CRM adapter posting to Slack by itself instead of letting the action layer decide. */
public class CrmAdapterUsingNotify {
    NotifyAdapter notify;
}
