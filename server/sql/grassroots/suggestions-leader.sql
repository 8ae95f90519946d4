g.committee_id = $1 and true


-- $1 = 7
