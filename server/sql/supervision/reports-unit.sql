r.committee_id = $1 and r.unit_id = $2 and r.state = 'disputed'
-- $1 = 7
-- $2 = 31
