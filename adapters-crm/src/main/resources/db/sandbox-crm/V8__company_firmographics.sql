-- Firmographics enrichment writes beside industry, numberofemployees, country and state (HubSpot's names).
alter table companies add column revenue_range text;
alter table companies add column funding_stage text;
