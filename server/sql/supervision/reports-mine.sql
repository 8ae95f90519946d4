r.committee_id = $1 and r.member_id = $2
-- $1 = 7
-- $2 = 11
