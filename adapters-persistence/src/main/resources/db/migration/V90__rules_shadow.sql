-- Shadow mode (docs/RULES.md, "Shadow mode"): at most one ruleset attached in shadow, shared by every instance,
-- and the differences it would have made on live events. Nothing here is ever acted on.
create table rules_shadow (
    slot         int         primary key default 1 check (slot = 1),
    ruleset_file text        not null,
    version      text        not null,
    label        text,
    attached_by  text        not null,
    attached_at  timestamptz not null
);

-- No personal data: the contact and the event by id only, so erasing a person needs nothing here.
create table rules_shadow_differences (
    id               bigserial   primary key,
    recorded_at      timestamptz not null,
    event_id         uuid        not null,
    contact_id       text        not null,
    active_version   text        not null,
    shadow_version   text        not null,
    active_stage     text        not null,
    shadow_stage     text        not null,
    active_owner     text        not null,
    shadow_owner     text        not null,
    active_fit       int         not null,
    shadow_fit       int         not null,
    active_behavior  int         not null,
    shadow_behavior  int         not null,
    first_rule       text        not null,
    detail           text        not null,
    -- a retried event records its difference once
    constraint rules_shadow_differences_once unique (event_id, contact_id, shadow_version)
);
create index rules_shadow_differences_version on rules_shadow_differences (shadow_version, id desc);
