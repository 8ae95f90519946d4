-- Idempotency keys (issue 12): a POST sent twice with the same Idempotency-Key (a retry on a weak network, a second
-- tap) runs once; the second gets the first one's stored answer. status is null while the first is still running.
-- Rows older than a day are removed as new ones are written.
create table idempotency_keys (
  committee_id integer not null references committees(id),
  account_id integer not null,
  key text not null,
  route text not null,
  status integer,
  response text,
  created_at timestamptz not null default now(),
  primary key (committee_id, account_id, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
