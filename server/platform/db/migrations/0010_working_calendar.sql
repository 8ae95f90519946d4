-- Working-day calendar overrides: the administrator's edits to China's public holidays and make-up working days (调休)
-- from the chinese-days package, per committee, mainly for years the package does not cover yet.
create table working_calendar (
  committee_id integer not null references committees(id),
  day date not null,
  is_working_day boolean not null,
  note text not null default '',
  updated_at timestamptz not null default now(),
  primary key (committee_id, day)
);
