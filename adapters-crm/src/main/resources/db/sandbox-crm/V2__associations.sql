-- Contacts may belong to several companies (HubSpot associations); one row per link, so linking twice is one link.
create table contact_companies (
    contact_id bigint not null references contacts (id),
    company_id bigint not null references companies (id),
    primary key (contact_id, company_id)
);
