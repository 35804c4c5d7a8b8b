-- Campaigns of a county (SPEC §10): the county launches the year with its outer deadlines and rules;
-- each township launches its own campaign within them. A campaign is now the township's year, keyed by
-- township and year; the campaigns and spot checks of the one township served before are kept as its own.

create table county_campaign (
    review_year               integer      not null primary key,
    plan_due_by               date         not null,
    meetings_due_by           date         not null,
    statistics_due_by         date         not null,
    publicity_working_days    integer      not null,
    spot_check_share          numeric(4,3) not null,
    launch_within_working_days integer     not null,
    launch_due_by             date         not null,
    launched_by               varchar(64)  not null,
    launched_at               timestamp    not null
);

create table township_campaign (
    township_code          varchar(20)  not null references township (code),
    review_year            integer      not null,
    plan_due_by            date         not null,
    meetings_due_by        date         not null,
    statistics_due_by      date         not null,
    publicity_working_days integer      not null,
    spot_check_share       numeric(4,3) not null,
    spot_check_seed        bigint       not null,
    process_instance_id    varchar(64),
    launched_by            varchar(64)  not null,
    launched_at            timestamp    not null,
    summary_assembled_at   timestamp,
    missing_branches       varchar(4000),
    summary_approved_by    varchar(64),
    summary_approved_at    timestamp,
    summary_comment        varchar(4000),
    primary key (township_code, review_year)
);
insert into township_campaign (township_code, review_year, plan_due_by, meetings_due_by, statistics_due_by,
    publicity_working_days, spot_check_share, spot_check_seed, process_instance_id, launched_by, launched_at,
    summary_assembled_at, missing_branches, summary_approved_by, summary_approved_at, summary_comment)
select (select min(code) from township), review_year, plan_due_by, meetings_due_by, statistics_due_by,
    publicity_working_days, spot_check_share, spot_check_seed, process_instance_id, launched_by, launched_at,
    summary_assembled_at, missing_branches, summary_approved_by, summary_approved_at, summary_comment
from campaign;

-- a spot check belongs to its branch's township's campaign; branch codes are unique in the county
create table township_spot_check (
    review_year integer      not null,
    branch_code varchar(20)  not null references party_branch (code),
    planned_on  date,
    mode        varchar(20),
    findings    varchar(4000),
    checked_by  varchar(64),
    checked_at  timestamp,
    primary key (review_year, branch_code)
);
insert into township_spot_check (review_year, branch_code, planned_on, mode, findings, checked_by, checked_at)
select review_year, branch_code, planned_on, mode, findings, checked_by, checked_at from spot_check;

drop table spot_check;
drop table campaign;
alter table township_spot_check rename to spot_check;

-- A township that has not launched its campaign when the county's launch deadline passes is escalated
-- like a late step: a notice (level 1) to its office and the county's staff, two working days later a
-- 督办 (level 2) for the county's supervisors, recorded here. Its notices concern no branch.
create table township_launch_escalation (
    township_code     varchar(20)  not null references township (code),
    review_year       integer      not null,
    due_at            timestamp    not null,
    notified_at       timestamp,
    supervised_at     timestamp,
    supervisor_action varchar(4000),
    supervised_by     varchar(64),
    primary key (township_code, review_year)
);
alter table notification alter column branch_code drop not null;
alter table notification add column township_code varchar(20);
