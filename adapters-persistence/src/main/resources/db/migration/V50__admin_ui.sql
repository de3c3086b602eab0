-- The admin pages' lists and counts, kept fast with a million audit events.
-- Failures by class on the dashboard read a recent window of failed/rejected audit events.
create index audit_events_failures on audit_events (at) where kind in ('failed', 'rejected');
-- Events searched by the email's domain, newest first (keyset pages on received_at, id).
create index raw_events_email_domain on raw_events (lower(split_part(email, '@', 2)), received_at desc, id)
    where email is not null;
create index raw_events_received_id on raw_events (received_at desc, id desc);
create index raw_events_source_received on raw_events (source, received_at desc, id desc);
create index raw_events_status_received on raw_events (status, received_at desc, id desc);
create index raw_events_email_received on raw_events (email, received_at desc, id desc) where email is not null;
-- Dead letters listed newest first in keyset pages by job id.
create index jobs_dead_id on jobs (id desc) where status = 'dead';

-- Review resolution: who closed an item and the field values they corrected (the event re-runs with them).
alter table review_items add column resolved_by text;
alter table review_items add column corrections json;
create index review_items_event on review_items (event_id);
create index review_items_open_page on review_items (created_at, id) where status = 'open';
