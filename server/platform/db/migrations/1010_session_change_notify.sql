-- Issue 18: every app process keeps resolved sessions in memory for a few seconds (server/platform/auth/session-cache.ts).
-- Whatever changes what a session resolves to is announced on commit to every process (pg_notify 'zx_session', payload
-- the committee id), which then drops that committee's cached sessions (or the one session named): a session ended (sign-out, password change,
-- expiry), an account's roles, name, links, password, forced password change or disabling changed or the account
-- removed, a member's or an informant's status changed (a person who left changes nothing: org/standing.ts). A sign-in's
-- own bookkeeping (failed_logins, locked_until, last_login_at) is not announced.
create or replace function zx_session_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('zx_session', coalesce(old.committee_id, new.committee_id)::text);
  return null;
end $$;

-- A session's own change names the session ('<committee>:<token hash>'): a touch of last_seen_at (at most once a minute
-- per active session) drops that one entry, not the committee's.
create or replace function zx_auth_session_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('zx_session', old.committee_id::text || ':' || old.token_hash);
  return null;
end $$;

create trigger auth_sessions_changed after update or delete on auth_sessions
  for each row execute function zx_auth_session_changed();

create trigger accounts_changed after update of committee_id, id, display_name, password_hash, roles, member_id,
  unit_id, org_id, informant_id, must_change_password, disabled or delete on accounts
  for each row execute function zx_session_changed();

create trigger members_status_changed after update of committee_id, id, status or delete on members
  for each row execute function zx_session_changed();

create trigger informants_status_changed after update of committee_id, id, status or delete on informants
  for each row execute function zx_session_changed();
