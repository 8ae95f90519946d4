(p.org_id = $1 or exists (select 1 from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id and m.org_id = $2))
-- $1 = 21
-- $2 = 21
