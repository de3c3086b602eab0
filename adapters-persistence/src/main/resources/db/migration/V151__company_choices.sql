-- The execution plan of a lead's company: which CRM company the event's contact is linked to, written before
-- the CRM association so a re-run of the event links the same company. Company ids and domains only.
create table company_choices (
    event_id        uuid        not null references raw_events (id) on delete cascade,
    domain          text        not null,
    crm_company_id  text,
    how             text        not null,
    chosen_at       timestamptz not null,
    primary key (event_id, domain)
);
