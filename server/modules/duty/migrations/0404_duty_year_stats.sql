-- Committee-wide figures of a year's scores (the median shown on 我的履职), written with every re-score so that a
-- member's page does not sort the whole committee's scores on each visit.
create table duty_year_stats (
  committee_id integer not null references committees(id),
  year integer not null,
  members integer not null,
  median numeric(10, 2),
  computed_at timestamptz not null default now(),
  primary key (committee_id, year)
);
