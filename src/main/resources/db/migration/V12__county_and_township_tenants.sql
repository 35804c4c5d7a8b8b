-- One installation for a county (SPEC §10): the county above its townships, each township a tenant of
-- the engine. Portable SQL: runs on H2 and PostgreSQL.

create table county (
    code varchar(20)  not null primary key,
    name varchar(100) not null
);
alter table township add column county_code varchar(20);

-- The one township an installation of the previous release served keeps its work: every instance of a
-- township's processes, its tasks, variables, jobs, subscriptions, incidents and their history move into
-- its tenant, with nothing deleted. The overdue sweep stays without a tenant: it serves every township.
-- (A database without a township row has no such work: the statements then change nothing.)

create table tenant_move_instance (id varchar(64) not null primary key);
insert into tenant_move_instance (id)
select e.id_ from act_ru_execution e
where e.parent_id_ is null and e.tenant_id_ is null
  and e.proc_def_id_ in (select d.id_ from act_re_procdef d where d.key_ in ('township-campaign',
      'branch-annual-review', 'unqualified-member-disposition', 'overdue-escalation', 'branch-supervision'))
  and (select count(*) from township) = 1;

update act_ru_execution set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_ru_task set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_ru_identitylink set tenant_id_ = (select min(code) from township)
where task_id_ in (select t.id_ from act_ru_task t where t.proc_inst_id_ in (select id from tenant_move_instance));
update act_ru_variable set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_ru_job set tenant_id_ = (select min(code) from township)
where process_instance_id_ in (select id from tenant_move_instance);
update act_ru_event_subscr set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_ru_incident set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_ru_ext_task set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);

-- history, of running and finished instances alike (finished ones are no longer in the runtime tables)
insert into tenant_move_instance (id)
select h.proc_inst_id_ from act_hi_procinst h
where h.tenant_id_ is null and h.proc_def_key_ in ('township-campaign', 'branch-annual-review',
      'unqualified-member-disposition', 'overdue-escalation', 'branch-supervision')
  and (select count(*) from township) = 1
  and h.proc_inst_id_ not in (select id from tenant_move_instance);

update act_hi_procinst set tenant_id_ = (select min(code) from township)
where proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_actinst set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_taskinst set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_varinst set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_detail set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_identitylink set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_incident set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_job_log set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_comment set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_attachment set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_op_log set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_ext_task_log set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_decinst set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_dec_in set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_hi_dec_out set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance);
update act_ge_bytearray set tenant_id_ = (select min(code) from township)
where root_proc_inst_id_ in (select id from tenant_move_instance)
   or id_ in (select v.bytearray_id_ from act_ru_variable v where v.proc_inst_id_ in (select id from tenant_move_instance));

drop table tenant_move_instance;
