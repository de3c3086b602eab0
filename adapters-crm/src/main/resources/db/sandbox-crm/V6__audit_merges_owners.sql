-- Data-quality audit and backfill: contacts carry a country and companies an owner (as in HubSpot), and a merge
-- remembers the ids it removed (HubSpot keeps a merged record's id pointing at the survivor), so merging again is a
-- no-op and an old id can still be resolved.
alter table contacts add column if not exists country text;
alter table companies add column if not exists hubspot_owner_id text;

create table merged_records (
    object_type text        not null check (object_type in ('contact', 'company')),
    merged_id   bigint      not null,
    into_id     bigint      not null,
    merged_at   timestamptz not null,
    primary key (object_type, merged_id)
);
