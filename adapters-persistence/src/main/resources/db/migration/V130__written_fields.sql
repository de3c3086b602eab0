-- What the orchestrator last wrote into each field of a CRM record and on whose word (the merge policy's
-- provenance): a CRM value that differs from it was entered by a person. Company firmographics only: no
-- personal data is kept here.
create table written_fields (
    object_type text        not null,
    crm_id      text        not null,
    field       text        not null,
    value       text        not null,
    source      text        not null,
    provider    text        not null,
    confidence  double precision not null,
    written_at  timestamptz not null,
    primary key (object_type, crm_id, field)
);
