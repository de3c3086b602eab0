-- Small analyze samples for the sandbox CRM's tables every lead writes to, as the orchestrator's own (V171 there):
-- the sandbox's contacts took 0.3 s an analyze, mostly for its lower(email) index's own statistics. Every query here
-- reads by id, e-mail or domain.
do $$
declare
    col record;
begin
    for col in
        select a.attrelid::regclass as tbl, a.attname
        from pg_attribute a
        where a.attrelid in ('sandbox_crm.contacts'::regclass, 'sandbox_crm.contact_companies'::regclass,
                             'sandbox_crm.companies'::regclass)
          and a.attnum > 0 and not a.attisdropped and coalesce(a.attstattarget, -1) <> 0
    loop
        execute format('alter table %s alter column %I set statistics 10', col.tbl, col.attname);
    end loop;
end $$;

alter index sandbox_crm.contacts_email alter column 1 set statistics 10;
alter index sandbox_crm.companies_domain alter column 1 set statistics 10;
