-- The engine looks up a person's grants by user or by group on every authorization check. Its own indexes
-- lead with the grant type (every grant here has the same) or cover the group alone, so the user's side was
-- read by scanning every grant: at 100,000 branches (about 700,000 grants) a township office's task list
-- took 100 ms, most of it that scan (BENCHMARKS.md, "A county: townships as tenants"). With this index the
-- check reads the person's and their groups' grants only.
create index ix_act_ru_authorization_user on act_ru_authorization (user_id_);
