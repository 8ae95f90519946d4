-- Book hand-outs (issue 16): a book goes to a member or to a reading group (copies for its members), with a note and
-- who recorded it; the hand-out record page lists them by date.
alter table reading_handouts alter column member_id drop not null;
alter table reading_handouts add column group_id integer;
alter table reading_handouts add constraint reading_handouts_group
  foreign key (committee_id, group_id) references reading_groups (committee_id, id);
alter table reading_handouts add constraint reading_handouts_one_recipient
  check ((member_id is null) <> (group_id is null));
alter table reading_handouts add column note text not null default '';
alter table reading_handouts add column created_by integer;
alter table reading_handouts add column created_at timestamptz not null default now();
create index reading_handouts_day on reading_handouts (committee_id, handed_on);
