-- The secretary's 述职 on the rectification (issue 20), given at the members' meeting: pre-filled from last
-- year's follow-up (整改销号) and commitments (践诺), edited and kept with the meeting. Empty for the
-- committee's meeting, and for members' meetings recorded before this release or without a report.
alter table meeting add column rectification_report varchar(4000);
