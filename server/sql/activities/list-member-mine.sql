a.committee_id = $1 and a.kind = $2 and p.member_id is not null
-- $1 = 7
-- $2 = "research"
