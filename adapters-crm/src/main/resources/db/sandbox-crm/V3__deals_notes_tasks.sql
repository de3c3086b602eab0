-- Deals, notes and tasks of the sandbox CRM, shaped like HubSpot's objects (internal property names).
-- external_id carries the orchestrator's idempotency key, so a retried write finds the first one.
create table deals (
    id                bigserial primary key,
    dealname          text        not null,
    amount            numeric(14, 2),
    pipeline          text        not null default 'default',
    dealstage         text        not null,
    closedate         timestamptz,
    hubspot_owner_id  text,
    company_id        bigint references companies (id),
    external_id       text unique,
    createdate        timestamptz not null,
    lastmodifieddate  timestamptz not null
);
create index deals_company on deals (company_id);

create table deal_contacts (
    deal_id    bigint not null references deals (id),
    contact_id bigint not null references contacts (id),
    primary key (deal_id, contact_id)
);

-- Notes and tasks (HubSpot engagements) on a contact, each written once per idempotency key.
create table engagements (
    id                bigserial primary key,
    kind              text        not null check (kind in ('note', 'task')),
    contact_id        bigint references contacts (id),
    deal_id           bigint references deals (id),
    subject           text,
    body              text        not null,
    due_at            timestamptz,
    status            text,
    hubspot_owner_id  text,
    external_id       text unique,
    createdate        timestamptz not null
);
create index engagements_contact on engagements (contact_id);
