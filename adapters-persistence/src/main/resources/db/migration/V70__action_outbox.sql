-- The action outbox: action jobs live in the one job queue, with the action they carry (payload) and its
-- idempotency key (event + action rule + place in the rule), unique, so a decision re-run queues nothing twice.
alter table jobs add column payload json;
alter table jobs add column idempotency_key text;
alter table jobs add column error_class text;
create unique index jobs_idempotency_key on jobs (idempotency_key) where idempotency_key is not null;
-- Bulk replay picks dead jobs by error class and by when they died.
create index jobs_dead_class on jobs (error_class, updated_at) where status = 'dead';

-- Every failed attempt of a job: a dead letter shows its history.
create table job_attempts (
    id           bigserial   primary key,
    job_id       bigint      not null references jobs (id) on delete cascade,
    attempt      int         not null,
    at           timestamptz not null,
    outcome      text        not null,
    error_class  text        not null,
    error        text        not null
);
create index job_attempts_job on job_attempts (job_id, id);

-- Delivered actions, recorded the moment the receiver answered 2xx, in a transaction of their own: Slack takes
-- no idempotency key, so this row is what stops a retry from posting twice.
create table action_deliveries (
    idempotency_key  text        primary key,
    job_id           bigint      not null,
    channel          text        not null,
    detail           text        not null,
    delivered_at     timestamptz not null
);

-- Operator alerts, one per channel, open until a call on that channel succeeds; /health is degraded meanwhile.
create table operator_alerts (
    channel     text        primary key,
    reason      text        not null,
    raised_at   timestamptz not null,
    cleared_at  timestamptz
);
