-- A member who left the branch (转出 transferred out, 停止党籍 membership ended) stays, with the day
-- and the way they left: their past cycles keep naming them; open and later work no longer lists them.
alter table party_member add column left_on date;
alter table party_member add column left_because varchar(20);
