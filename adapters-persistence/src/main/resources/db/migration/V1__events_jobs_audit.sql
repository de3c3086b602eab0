-- Raw events: the exact signed bytes (bytea, never jsonb: some bodies that verify are refused by jsonb),
-- stored in the same transaction as their processing job, before the sender gets its 202.
create table raw_events (
    id               uuid primary key,
    source           text        not null,
    source_event_id  text        not null,
    idempotency_key  text        not null,
    received_at      timestamptz not null,
    content_type     text,
    headers          json        not null,
    body             bytea       not null,
    payload_sha256   text        not null,
    status           text        not null check (status in ('received', 'processing', 'done', 'review', 'dead')),
    last_error       text,
    email            text,
    updated_at       timestamptz not null,
    constraint raw_events_idempotency_key unique (idempotency_key)
);
create index raw_events_received_at on raw_events (received_at desc);
create index raw_events_email on raw_events (email) where email is not null;
create index raw_events_status on raw_events (status);

-- The job queue: claimed with FOR UPDATE SKIP LOCKED; a claim holds a lease so a dead worker's job returns.
create table jobs (
    id            bigserial primary key,
    kind          text        not null,
    event_id      uuid        not null references raw_events (id),
    status        text        not null check (status in ('ready', 'running', 'done', 'dead')),
    attempts      int         not null default 0,
    max_attempts  int         not null,
    run_at        timestamptz not null,
    locked_until  timestamptz,
    last_error    text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index jobs_ready on jobs (run_at) where status = 'ready';
create index jobs_running on jobs (locked_until) where status = 'running';
create index jobs_event on jobs (event_id);
create index jobs_dead on jobs (updated_at) where status = 'dead';

-- The audit trail: append-only. Evidence is json (not jsonb) so the order in which values were read is kept.
create table audit_events (
    seq              bigserial   primary key,
    id               uuid        not null unique,
    at               timestamptz not null,
    kind             text        not null,
    entity_type      text        not null,
    entity_id        text,
    correlation_id   uuid        not null,
    actor_type       text        not null,
    actor_name       text        not null,
    summary          text        not null,
    rule_id          text,
    ruleset_version  text,
    evidence         json        not null
);
create index audit_events_correlation on audit_events (correlation_id, seq);
create index audit_events_entity on audit_events (entity_type, entity_id, seq);

-- Contacts as the orchestrator knows them (the CRM keeps its own copy).
create table contacts (
    id              uuid primary key,
    email           text        not null unique,
    first_name      text,
    last_name       text,
    company         text,
    phone           text,
    crm_id          text,
    stage           text        not null,
    owner_id        text,
    fit_score       int         not null default 0,
    behavior_score  int         not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- Records a person must look at.
create table review_items (
    id          uuid primary key,
    event_id    uuid        not null references raw_events (id),
    reason      text        not null,
    problems    json        not null,
    status      text        not null default 'open' check (status in ('open', 'resolved')),
    created_at  timestamptz not null,
    resolved_at timestamptz
);
create index review_items_open on review_items (created_at) where status = 'open';
