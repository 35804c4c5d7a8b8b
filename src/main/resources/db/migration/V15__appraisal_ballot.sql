-- The members' own appraisal ballot at the members' meeting (民主测评, SPEC §10, issue 19). One ballot
-- per opening; a cycle keeps its voided ballots with their reasons. Nothing here joins a code to the
-- choices cast with it: a code knows only whether it was used, a ballot box only its counts, and no
-- code carries a time or an order of its own (SECURITY.md, "The appraisal ballot"). How many codes a
-- ballot used is counted from its codes.

create table ballot (
    id            varchar(40)  not null primary key,
    cycle_id      varchar(40)  not null references review_cycle (id),
    status        varchar(10)  not null,
    codes_issued  integer      not null,
    closes_at     timestamp    not null,
    opened_by     varchar(64)  not null,
    opened_at     timestamp    not null,
    ended_by      varchar(64),
    ended_at      timestamp,
    void_reason   varchar(500)
);
create index ix_ballot_cycle on ballot (cycle_id);

-- A slip's code: UNUSED, SPENT, or DEAD once its ballot closed or was voided unused.
create table ballot_code (
    code       varchar(12)  not null primary key,
    ballot_id  varchar(40)  not null references ballot (id),
    state      varchar(10)  not null
);
create index ix_ballot_code_ballot on ballot_code (ballot_id);

-- A ballot's counts, split among a few boxes: a vote adds to one box, drawn at random, so that votes
-- need not wait for one another, only the close waits for them all. counts: the votes for each member
-- on the ballot, four numbers (优秀, 合格, 基本合格, 不合格) per member in the order of
-- ballot_member.position, comma-separated; one row per box however many members a branch has.
create table ballot_box (
    ballot_id  varchar(40)      not null references ballot (id),
    box        integer          not null,
    counts     varchar(1000000) not null,
    primary key (ballot_id, box)
);

-- The members the ballot appraises, in the order the page lists them (a probationary member with the
-- note 预备党员（不评定等次）); their counts are in the ballot's boxes.
create table ballot_member (
    ballot_id  varchar(40)   not null references ballot (id),
    member_id  varchar(20)   not null,
    position   integer       not null,
    note       varchar(100),
    primary key (ballot_id, member_id)
);

-- Who the secretary recorded as present or remote (with the notice's reason) when opening: one code
-- was printed for each of them; which one each was handed is known to nobody.
create table ballot_attendance (
    ballot_id      varchar(40)  not null references ballot (id),
    member_id      varchar(20)  not null,
    attendance     varchar(10)  not null,
    remote_reason  varchar(20),
    primary key (ballot_id, member_id)
);
