-- The identity index: every known company and contact under its blocking keys, and its normalised match fields,
-- so a lookup ranks candidates and returns them ready to compare in one round trip.

create table identity_records (
    record_id       text primary key,
    person          boolean not null,
    company_raw     text not null,
    company_tokens  text[] not null,
    company_compact text not null,
    company_acronym text not null,
    company_aliases text[] not null,
    domains         text[] not null,     -- registrable domains, paired by position with domain_labels
    domain_labels   text[] not null,
    emails          text[] not null,
    first_name      text,
    last_name       text,
    phones          text[] not null,
    city            text,
    country         text
);

-- The primary key serves the lookup by (key_type, key_value); person is carried in the index so counting a key's
-- holders and ranking them never visits the table.
create table identity_keys (
    key_type  text not null,
    key_value text not null,
    record_id text not null,
    person    boolean not null,
    constraint identity_keys_pk primary key (key_type, key_value, record_id) include (person)
);

-- Re-indexing and removal delete a record's keys by its id.
create index identity_keys_record on identity_keys (record_id);
