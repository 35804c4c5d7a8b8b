-- Province scale (issue 7, BENCHMARKS.md). rateMembers reads the members floating into the branch
-- (R5) on prefill and on submit: without this index that is a scan of the whole member table
-- (3 million rows for a province) twice per cycle.
create index ix_party_member_inflow on party_member (inflow_org);
