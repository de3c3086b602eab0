-- The sandbox CRM: a small CRM of our own, in its own schema, shaped like HubSpot's objects (numeric ids,
-- internal property names), so the default run, the demos and the e2e tests behave like a real portal.
create table contacts (
    id                bigserial primary key,
    email             text        not null,
    firstname         text,
    lastname          text,
    company           text,
    phone             text,
    lifecyclestage    text,
    hubspot_owner_id  text,
    company_id        bigint,
    createdate        timestamptz not null,
    lastmodifieddate  timestamptz not null
);
create unique index contacts_email on contacts (lower(email));

create table companies (
    id                bigserial primary key,
    name              text        not null,
    domain            text,
    industry          text,
    numberofemployees int,
    country           text,
    state             text,
    createdate        timestamptz not null,
    lastmodifieddate  timestamptz not null
);
create unique index companies_domain on companies (lower(domain)) where domain is not null;

create table owners (
    id         text primary key,
    email      text not null,
    first_name text not null,
    last_name  text not null,
    archived   boolean not null default false
);
