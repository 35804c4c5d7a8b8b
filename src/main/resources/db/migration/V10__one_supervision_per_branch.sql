-- One 督办 per branch at a time (SPEC §5): it opens when a step of the branch is two working days
-- overdue, covers every overdue step of the branch while it is open and closes when the supervisor has
-- recorded what they did or when no overdue step is left. open_branch_code is the branch's code while
-- the 督办 is open and null once it is closed: its unique key lets a branch have one open 督办 only,
-- also when two nodes open one at the same moment (the second fails on the key and, retried, joins).
create table supervision (
    id                  varchar(64)  not null primary key,
    branch_code         varchar(20)  not null,
    open_branch_code    varchar(20),
    opened_at           timestamp    not null,
    closed_at           timestamp,
    closed_because      varchar(20),
    supervisor_action   varchar(4000),
    supervised_by       varchar(64),
    supervised_at       timestamp,
    constraint uq_supervision_open_branch unique (open_branch_code)
);
create index ix_supervision_branch on supervision (branch_code);

-- The 督办 that took up a step at level 2 (null for the steps supervised one by one before this release).
alter table escalation add column supervision_id varchar(64);
create index ix_escalation_supervision on escalation (supervision_id);
-- The overdue steps of a branch that are still open are looked up per branch.
create index ix_escalation_branch on escalation (branch_code, level);
