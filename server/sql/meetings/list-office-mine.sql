m.committee_id = $1 and i.member_id is not null
-- $1 = 7
