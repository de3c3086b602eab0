-- Whose turn it is in each round-robin pool, shared by every instance and kept across restarts. Routing reads
-- and advances it under a transaction-scoped advisory lock, so two leads routed at once never get one turn.
create table routing_rotation (
    pool        text primary key,
    cursor      int         not null check (cursor >= 0),
    updated_at  timestamptz not null
);

-- The clocks SLA timers read: when the contact entered its stage, when its owner got it, and the last touch.
-- Kept by a trigger on contacts, so every path that saves a contact (pipeline, sweep, CRM webhooks) moves them.
create table lifecycle_clocks (
    contact_id         uuid primary key references contacts (id) on delete cascade,
    stage              text        not null,
    stage_entered_at   timestamptz not null,
    owner_id           text,
    owner_assigned_at  timestamptz,
    touched_at         timestamptz,
    touched_by         text,
    touch_kind         text
);
create index lifecycle_clocks_stage on lifecycle_clocks (stage, stage_entered_at);

-- Every stage and owner value a contact took, with its time: what we wrote to the CRM (the pipeline writes the
-- CRM, then saves the contact), so a CRM webhook carrying one of these values back is known as our own echo.
create table contact_state_log (
    id          bigserial primary key,
    contact_id  uuid        not null references contacts (id) on delete cascade,
    property    text        not null check (property in ('stage', 'owner')),
    value       text,
    at          timestamptz not null
);
create index contact_state_log_contact on contact_state_log (contact_id, property, at desc);

create function lifecycle_clock_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into lifecycle_clocks (contact_id, stage, stage_entered_at, owner_id, owner_assigned_at)
        values (new.id, new.stage, new.updated_at, new.owner_id,
                case when new.owner_id is null then null else new.updated_at end)
        on conflict (contact_id) do nothing;
        insert into contact_state_log (contact_id, property, value, at) values (new.id, 'stage', new.stage, new.updated_at);
        if new.owner_id is not null then
            insert into contact_state_log (contact_id, property, value, at)
            values (new.id, 'owner', new.owner_id, new.updated_at);
        end if;
        return new;
    end if;
    if new.stage is distinct from old.stage then
        update lifecycle_clocks set stage = new.stage, stage_entered_at = new.updated_at where contact_id = new.id;
        insert into contact_state_log (contact_id, property, value, at) values (new.id, 'stage', new.stage, new.updated_at);
    end if;
    if new.owner_id is distinct from old.owner_id then
        update lifecycle_clocks set owner_id = new.owner_id,
            owner_assigned_at = case when new.owner_id is null then null else new.updated_at end
        where contact_id = new.id;
        insert into contact_state_log (contact_id, property, value, at)
        values (new.id, 'owner', new.owner_id, new.updated_at);
    end if;
    return new;
end $$;

create trigger contacts_lifecycle_clock after insert or update on contacts
    for each row execute function lifecycle_clock_track();

-- Contacts saved before this migration start their clocks at their last update.
insert into lifecycle_clocks (contact_id, stage, stage_entered_at, owner_id, owner_assigned_at)
select id, stage, updated_at, owner_id, case when owner_id is null then null else updated_at end from contacts
on conflict (contact_id) do nothing;

-- HubSpot batches events in one signed delivery; each event is handled once, by its eventId, whatever batch
-- (or redelivery) carries it. The row is written in the transaction that applies the event.
create table crm_webhook_events (
    source        text        not null,
    event_id      text        not null,
    raw_event_id  uuid        not null references raw_events (id),
    kind          text        not null,
    outcome       text        not null,
    processed_at  timestamptz not null,
    primary key (source, event_id)
);

-- One reassignment per missed SLA: (contact, rule, the moment the timer started). A sweep that runs twice, or
-- crashes half way, reassigns nobody twice.
create table sla_breaches (
    contact_id      uuid        not null references contacts (id) on delete cascade,
    rule_id         text        not null,
    timer_started   timestamptz not null,
    owner_before    text,
    owner_after     text,
    elapsed_minutes int         not null,
    breached_at     timestamptz not null,
    primary key (contact_id, rule_id, timer_started)
);
