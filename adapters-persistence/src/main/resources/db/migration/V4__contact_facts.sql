-- The contact's fields as rules read them (record.country, record.state, record.budgetRange, ...), so a later
-- signal re-evaluates the rules on the same facts the lead arrived with. json keeps their order.
alter table contacts add column facts json not null default '{}';
alter table contacts add column company_domain text;
create index contacts_owner_open on contacts (owner_id) where stage in ('lead', 'mql', 'sql');
