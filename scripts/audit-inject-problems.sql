-- Injects one data-quality problem of every kind the audit knows into the sandbox CRM (after `seed`), for the
-- demo in docs/AUDIT.md: psql "$DATABASE_URL" -f scripts/audit-inject-problems.sql
insert into sandbox_crm.owners (id, email, first_name, last_name, archived)
values ('audit-gone', 'gone@sales.example', 'Gail', 'Gone', true) on conflict (id) do nothing;

with c as (
    insert into sandbox_crm.companies (name, domain, industry, country, hubspot_owner_id, createdate, lastmodifieddate)
    values ('Auditco Corporation', 'auditco.com', 'software', 'US', null, now(), now()),
           ('AUDITCO Corp', 'auditco.co.uk', null, 'GB', null, now(), now()),
           ('Domainless Unlimited', null, 'manufacturing', 'US', null, now(), now()),
           ('Oddindustry GmbH', 'oddindustry.de', 'Computer Software', 'Germany', null, now(), now()),
           ('Gone Owner Health', 'gone-owner-health.com', 'healthcare', 'US', 'audit-gone', now(), now())
    returning id, domain)
insert into sandbox_crm.contacts (email, firstname, lastname, company, phone, country, lifecyclestage,
    hubspot_owner_id, company_id, createdate, lastmodifieddate)
select v.email, v.first, v.last, 'Auditco', v.phone, v.country, v.stage,
       case when v.owner = 'seed' then (select min(id) from sandbox_crm.owners where not archived) else v.owner end,
       case when v.linked then (select id from c where domain = 'auditco.com') end, now(), now()
from (values
    ('jane@auditco.com', 'Jane', 'Auditdoe', '+14155550101', 'US', 'customer', 'seed', true),
    ('jane.auditdoe@auditco.com', 'Jane', 'Auditdoe', '+14155550101', 'US', 'lead', null, true),
    ('bob.audit@gmail.com', 'Bob', 'Auditsmith', null, 'US', 'lead', 'seed', true),
    ('carol at auditco', 'Carol', 'Auditjones', null, 'US', 'lead', 'seed', true),
    ('dan@auditco.com', 'Dan', 'Auditbrown', '12', 'US', 'lead', 'seed', true),
    ('erin@auditco.com', 'Erin', 'Auditwhite', '(650) 253-0000', 'US', 'lead', 'seed', true),
    ('frank@auditco.com', 'Frank', 'Auditgreen', null, 'Deutschland', 'lead', 'seed', true),
    ('gina@auditco.com', 'Gina', 'Auditblack', null, 'US', 'lead', 'seed', false),
    ('ivy@auditco.com', 'Ivy', 'Auditblue', null, 'US', 'lead', 'audit-gone', true),
    ('jack@auditco.com', 'Jack', 'Auditred', null, 'US', 'customer', 'seed', true))
    as v(email, first, last, phone, country, stage, owner, linked);

insert into sandbox_crm.contact_companies (contact_id, company_id)
select id, company_id from sandbox_crm.contacts where company_id is not null and email like '%auditco%'
on conflict do nothing;

with d as (
    insert into sandbox_crm.deals (dealname, amount, dealstage, company_id, createdate, lastmodifieddate)
    select 'Auditco renewal', 12000, 'closedwon', null, now(), now() returning id)
insert into sandbox_crm.deal_contacts (deal_id, contact_id)
select d.id, c.id from d, sandbox_crm.contacts c where c.email = 'jane@auditco.com';
