-- Every index on raw_events is written by each acknowledged webhook and by each status change of its event.
-- These three are covered by the admin search indexes of V50 (same leading columns), so they only cost writes.
drop index if exists raw_events_received_at;
drop index if exists raw_events_email;
drop index if exists raw_events_status;
