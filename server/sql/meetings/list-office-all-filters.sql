m.committee_id = $1 and m.kind = $2 and m.status = $3 and m.search @@ to_tsquery('simple', $4) and m.starts_at >= ($5::date)::timestamp at time zone 'Asia/Shanghai' and m.starts_at < ($6::date + 1)::timestamp at time zone 'Asia/Shanghai'
-- $1 = 7
-- $2 = "plenary"
-- $3 = "planned"
-- $4 = "'全体' & '体会' & '会议'"
-- $5 = "2026-01-01"
-- $6 = "2026-03-31"
