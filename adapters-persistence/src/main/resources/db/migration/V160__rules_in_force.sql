-- The ruleset in force on every instance (docs/RULES.md, "Shadow mode"): put there by a reload, a promotion
-- or an instance starting with a RULESET_PATH file other than the one it was based on; every instance follows it.
create table rules_in_force (
    slot         int         primary key default 1 check (slot = 1),
    ruleset_file text        not null,
    version      text        not null,
    label        text,
    -- the version of the RULESET_PATH file it was put in force on top of: an instance started with that same file
    -- follows this ruleset; one started with another file (a deploy) puts its file in force instead
    base_version text        not null,
    changed_by   text        not null,
    changed_at   timestamptz not null
);
