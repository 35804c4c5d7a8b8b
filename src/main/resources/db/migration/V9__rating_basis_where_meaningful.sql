-- 评定依据 is written where it says something the appraisal's tallies do not (基本合格, 不合格, or a grade
-- other than the tallies suggest); a grade that confirms the tallies needs none.
alter table rating alter column basis drop not null;
