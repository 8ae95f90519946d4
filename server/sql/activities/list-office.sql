a.committee_id = $1 and a.status = $2 and a.starts_at >= ($3::date)::timestamp at time zone 'Asia/Shanghai'
-- $1 = 7
-- $2 = "open"
-- $3 = "2026-01-01"
