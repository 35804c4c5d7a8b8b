-- Whether a member kept the commitment made in the rectification step (践诺, issue 20): recorded by the
-- secretary once the list is filed, at any time until the next year's members are rated; empty until then.
alter table commitment add column kept varchar(20);
alter table commitment add column kept_recorded_by varchar(64);
alter table commitment add column kept_recorded_at timestamp;
