-- Companies as the orchestrator knows them, keyed by registrable domain: the firmographics routing read, and
-- the CRM id they were written under.
create table companies (
    domain          text primary key,
    name            text,
    crm_id          text,
    employees       int,
    industry        text,
    revenue_range   text,
    funding_stage   text,
    country         text,
    state           text,
    technologies    text[] not null default '{}',
    updated_at      timestamptz not null
);

-- Behavioural signals per contact email (pricing page views, downloads, webinars, demo requests...), kept so
-- rules like "signal pricing_page_view within 30d" can be evaluated and explained.
create table signals (
    id           bigserial primary key,
    email        text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    url          text,
    event_id     uuid        not null references raw_events (id),
    constraint signals_event_unique unique (event_id, type)
);
create index signals_email_time on signals (email, occurred_at desc);
