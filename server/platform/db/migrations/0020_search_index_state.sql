-- Which version of the search tokens (server/platform/search/search.ts SEARCH_INDEX_VERSION) each table's search vectors
-- were built with. Tokens are made by the app (jieba, NFKC), so SQL cannot rebuild them: the app does on start
-- (server/modules/search-reindex.ts) and records the version here when a table is done.
create table search_index_state (
  name text primary key,
  version int not null,
  done_at timestamptz not null default now()
);
