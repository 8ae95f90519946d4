-- 承诺 ↔ 履职事实: a commitment item (the committee's list) or a member's own commitment may name the kind of duty fact
-- that fulfils it and how many; progress is counted from duty facts when read, nothing is copied here.
alter table commitment_items add column fact_kind text;
alter table commitment_items add column target integer check (target between 1 and 100);
alter table commitments add column fact_kind text;
alter table commitments add column target integer check (target between 1 and 100);
