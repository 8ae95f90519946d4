-- Searches run inside one committee: each report's search vector gets the lexeme 'cm_<committee id>' (see
-- server/modules/opinions/search.ts) so the GIN index finds a committee's matches without visiting other committees'.
-- The list index's predicate matches the lists' condition (neither drafts nor rows still being created).
update opinion_reports set search = coalesce(search, ''::tsvector) || ('cm_' || committee_id)::tsvector;
drop index opinion_reports_list;
create index opinion_reports_list on opinion_reports (committee_id, submitted_at desc, id desc) where state not in ('draft', 'none');
