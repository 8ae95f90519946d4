g.committee_id = $1 and g.unit_id = $2

    and g.state = $3
-- $1 = 7
-- $2 = 31
-- $3 = "forwarded"
