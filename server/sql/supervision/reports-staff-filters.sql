r.committee_id = $1 and r.state = $2 and r.unit_id = $3 and r.state = 'dispatched' and r.due_at < $4
-- $1 = 7
-- $2 = "dispatched"
-- $3 = 31
-- $4 = "2026-06-30T02:00:00.000Z"
