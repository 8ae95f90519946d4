-- Tenant keys for a distributed PostgreSQL (Citus, docs/scaling.md): every primary key and unique constraint of a table
-- with committee_id starts with it, so each can live on its committee's shard. Lookups that do not know the committee
-- (a public QR token, a guest cookie) keep a plain index on the token; on a distributed database they fan out to every
-- shard, which is acceptable for these rare public pages. Sessions carry the committee in the cookie and are routed.
alter table auth_sessions drop constraint auth_sessions_pkey;
alter table auth_sessions add primary key (committee_id, token_hash);
create index auth_sessions_token on auth_sessions (token_hash);

alter table discussion_invitations drop constraint discussion_invitations_token_key;
alter table discussion_invitations add constraint discussion_invitations_token_key unique (committee_id, token);
create index discussion_invitations_token on discussion_invitations (token);

alter table discussion_guests drop constraint discussion_guests_token_hash_key;
alter table discussion_guests add constraint discussion_guests_token_hash_key unique (committee_id, token_hash);
create index discussion_guests_token on discussion_guests (token_hash);

alter table grassroots_rooms drop constraint grassroots_rooms_public_token_key;
alter table grassroots_rooms add constraint grassroots_rooms_public_token_key unique (committee_id, public_token);
create index grassroots_rooms_token on grassroots_rooms (public_token);

alter table grassroots_studios drop constraint grassroots_studios_public_token_key;
alter table grassroots_studios add constraint grassroots_studios_public_token_key unique (committee_id, public_token);
create index grassroots_studios_token on grassroots_studios (public_token);

alter table grassroots_topics drop constraint grassroots_topics_public_token_key;
alter table grassroots_topics add constraint grassroots_topics_public_token_key unique (committee_id, public_token);
create index grassroots_topics_token on grassroots_topics (public_token);
