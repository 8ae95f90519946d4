a.committee_id = $1 and (p.member_id is not null or a.registration = 'open')
-- $1 = 7
