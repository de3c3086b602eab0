-- Fencing for the job queue: every claim bumps the job's lease token, and a worker's completion, retry or dead
-- letter applies only while the token it was given is still the job's. Attempts cannot serve: a replay resets
-- them, so an old claim and a new one could carry the same number.
alter table jobs add column lease_token bigint not null default 0;
