-- Statistics only for the columns a query filters, joins or sorts on (#11, BENCHMARKS.md §2n). An analyze samples
-- up to 30,000 rows and builds statistics for every column; for identity_records' arrays (element frequencies) that
-- took 0.9 s of CPU on this 2-core machine, and autovacuum runs it whenever a tenth of the table is new: a stall of
-- the workers in the middle of a steady load. identity_records is only ever read by record_id; raw_events' body,
-- headers and other fields are read by id (idempotency_key through its unique index, which needs no statistics).
-- Measured on a drained database of ~20,000 leads: identity_records 0.9 s -> 0.09 s, raw_events 0.37 s -> 0.27 s.
alter table identity_records
    alter column company_raw set statistics 0,
    alter column company_tokens set statistics 0,
    alter column company_compact set statistics 0,
    alter column company_acronym set statistics 0,
    alter column company_aliases set statistics 0,
    alter column domains set statistics 0,
    alter column domain_labels set statistics 0,
    alter column emails set statistics 0,
    alter column first_name set statistics 0,
    alter column last_name set statistics 0,
    alter column phones set statistics 0,
    alter column city set statistics 0,
    alter column country set statistics 0;

alter table raw_events
    alter column body set statistics 0,
    alter column headers set statistics 0,
    alter column payload_sha256 set statistics 0,
    alter column source_event_id set statistics 0,
    alter column idempotency_key set statistics 0,
    alter column last_error set statistics 0,
    alter column content_type set statistics 0;
