-- Erasure and retention: when a row's personal data was replaced (by a request to forget or the retention sweep),
-- so the sweep never rewrites a row twice and SQL can tell erased rows from untouched ones.
alter table raw_events add column erased_at timestamptz;
alter table audit_events add column erased_at timestamptz;
create index raw_events_retention on raw_events (received_at) where erased_at is null;
create index audit_events_retention on audit_events (at) where erased_at is null;

-- The key of the pseudonyms that replace forgotten people (HMAC of the email), made once per database so every
-- instance writes the same pseudonym for the same person, and kept away from logs and configuration files.
create table privacy_keys (
    name        text primary key,
    key         bytea       not null check (length(key) >= 32),
    created_at  timestamptz not null
);
