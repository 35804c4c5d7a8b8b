-- Rectification followed until it is done (整改销号, issue 20). Each item of a filed list carries where it
-- stands: OPEN (整改中), MARKED (已销号，待联系领导确认) or CONFIRMED (已确认销号). Items of lists filed
-- before this release, and items not yet filed, have no state: nothing follows them.
alter table rectification_item add column state varchar(12);
-- The working day by which it is due: the deadline, or the first working day after it; a reopening sets a new one.
alter table rectification_item add column due_on date;
alter table rectification_item add column done_note varchar(500);
alter table rectification_item add column done_on date;
alter table rectification_item add column done_by varchar(64);
alter table rectification_item add column returned_reason varchar(500);
alter table rectification_item add column returned_count integer default 0 not null;
alter table rectification_item add column confirmed_on date;
alter table rectification_item add column confirmed_by varchar(64);
alter table rectification_item add column reopened_count integer default 0 not null;
alter table rectification_item add column reopened_reason varchar(500);
alter table rectification_item add column reopened_on date;
alter table rectification_item add column reopened_by varchar(64);

-- The follow-up instances of a cycle (processes/rectification-follow-up.bpmn): the one started at the
-- filing, and one for each reopened item. The overdue sweep finds their steps through it.
create table rectification_follow_up (
    process_instance_id varchar(64) primary key,
    cycle_id            varchar(40) not null references review_cycle (id),
    item_seq            integer,
    started_at          timestamp   not null
);
create index ix_rectification_follow_up_cycle on rectification_follow_up (cycle_id);
