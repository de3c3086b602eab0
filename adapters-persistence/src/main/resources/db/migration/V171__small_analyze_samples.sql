-- Small analyze samples for the tables every lead writes to (#11, BENCHMARKS.md §2o). An analyze reads 300 rows per
-- unit of the largest statistics target among a table's columns and its expression indexes' columns: 30,000 rows,
-- most of them from pages outside shared buffers, by default. Autovacuum analyzes a table each time a tenth of it is
-- new, so a young deployment under steady load paid it every few minutes per table, on a core the workers needed:
-- on a drained database of ~30,000 leads, audit_events took 0.6 s and contacts 0.45 s. Every query on these tables
-- goes through a unique or selective index (by id, e-mail, correlation, entity, key) or orders by an index and stops
-- at a page, so a target of 10 (3,000 rows, ten histogram buckets, ten most common values) serves their plans.
-- Columns already at 0 (V170) stay there.
do $$
declare
    col record;
begin
    for col in
        select a.attrelid::regclass as tbl, a.attname
        from pg_attribute a
        where a.attrelid in ('audit_events'::regclass, 'contacts'::regclass, 'raw_events'::regclass,
                             'identity_keys'::regclass, 'identity_records'::regclass, 'signals'::regclass,
                             'contact_state_log'::regclass, 'lifecycle_clocks'::regclass,
                             'company_choices'::regclass)
          and a.attnum > 0 and not a.attisdropped and coalesce(a.attstattarget, -1) <> 0
    loop
        execute format('alter table %s alter column %I set statistics 10', col.tbl, col.attname);
    end loop;
end $$;

-- An expression index keeps statistics of its own, sampled like a column: raw_events' by e-mail domain alone kept
-- its table's analyze at 0.37 s after V170.
alter index raw_events_email_domain alter column 1 set statistics 10;
