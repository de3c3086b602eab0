-- Data-quality backfills of the CRM (issue #12): the plan of each job (its dry run) item by item, each item's
-- progress and before value (what undo restores), and the requests made per CRM per UTC day (the daily budget
-- holds across runs and restarts). Plus where the identity-index backfill over the CRM stands (issue #4).
create table crm_backfill_jobs (
    id          uuid        primary key,
    crm         text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    status      text        not null,
    requests    bigint      not null default 0
);
create index crm_backfill_jobs_created on crm_backfill_jobs (created_at desc);

create table crm_backfill_items (
    job_id      uuid    not null references crm_backfill_jobs (id),
    seq         int     not null,
    kind        text    not null,
    record_type text    not null,
    record_id   text    not null,
    field       text,
    before      text    not null,
    after       text    not null,
    merge_ids   text[]  not null,
    status      text    not null,
    reason      text    not null,
    note        text    not null default '',
    primary key (job_id, seq)
);

create table crm_backfill_requests (
    crm      text   not null,
    day      date   not null,
    requests bigint not null,
    primary key (crm, day)
);

create table identity_backfill_cursors (
    crm          text    not null,
    object_type  text    not null,
    next_cursor  text,
    indexed      bigint  not null,
    done         boolean not null,
    primary key (crm, object_type)
);
