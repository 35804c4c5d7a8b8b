-- Every task completion and deletion asks the engine for the task's subtasks
-- (select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?), and the engine has no index for it: a scan
-- of every open task, about 0.6 ms a completion with 500 branches open and growing with the open
-- tasks (BENCHMARKS.md, round 4). The engine creates its tables before our migrations run
-- (FlywayAfterEngineSchema).
create index ix_act_ru_task_parent on act_ru_task (parent_task_id_);

-- A step filed again (修改) is told from a first filing (填报) by the step's earlier filings of the cycle.
create index ix_audit_event_step on audit_event (cycle_id, step);
