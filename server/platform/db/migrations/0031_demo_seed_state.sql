-- Whether the demo data of a first start was written completely: 'started' before the first row, 'done' after the
-- demo year. A start that finds 'started' (the first start was interrupted) clears the partial demo and writes it again.
create table demo_seed_state (
  id integer primary key default 1 check (id = 1),
  state text not null check (state in ('started', 'done')),
  updated_at timestamptz not null default now()
);
