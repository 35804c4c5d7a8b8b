-- The township dashboard at province scale (issue 7, BENCHMARKS.md): one page of branches per request,
-- its totals from SQL aggregates that do not read every member or every rating.

-- Formal members per branch (the ⌊N/3⌋ caps) counted from the index alone. It starts with branch_code,
-- so it also serves everything the single-column index served.
create index ix_party_member_formal on party_member (branch_code, status, floating_in);
drop index ix_party_member_branch;

-- A liaison cadre's or area chief's branches (secretary and liaison have their indexes since V1).
create index ix_party_branch_area_chief on party_branch (area_chief_user);

-- The years of the dashboard's year list, read from the index one year at a time.
create index ix_review_cycle_year on review_cycle (review_year);

-- Grades per cycle, written with the ratings: the grade chart sums one row per branch instead of
-- every rating (3 million for a province).
create table cycle_grade_count (
    cycle_id            varchar(40) not null primary key references review_cycle (id),
    review_year         integer     not null,
    branch_code         varchar(20) not null,
    excellent           integer     not null,
    qualified           integer     not null,
    basically_qualified integer     not null,
    unqualified         integer     not null
);
create index ix_cycle_grade_count_year on cycle_grade_count (review_year, branch_code);

insert into cycle_grade_count (cycle_id, review_year, branch_code, excellent, qualified, basically_qualified, unqualified)
select c.id, c.review_year, c.branch_code,
       sum(case when r.grade = 'EXCELLENT' then 1 else 0 end),
       sum(case when r.grade = 'QUALIFIED' then 1 else 0 end),
       sum(case when r.grade = 'BASICALLY_QUALIFIED' then 1 else 0 end),
       sum(case when r.grade = 'UNQUALIFIED' then 1 else 0 end)
from rating r join review_cycle c on c.id = r.cycle_id
group by c.id, c.review_year, c.branch_code;

-- Moves with every roster import that changes a member: the township's formal-member totals are
-- kept in memory until it does (DashboardView), on every node.
alter table township add column roster_revision bigint default 0 not null;
