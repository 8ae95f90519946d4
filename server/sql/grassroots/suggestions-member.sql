g.committee_id = $1 and (g.raised_by_account = $2 or exists (select 1 from grassroots_studio_members x where x.committee_id = g.committee_id
          and x.studio_id = g.studio_id and x.member_id = $3)
        or exists (select 1 from grassroots_studios s where s.committee_id = g.committee_id and s.id = g.studio_id and s.leader_member_id = $4)
        or exists (select 1 from grassroots_rooms r where r.committee_id = g.committee_id and r.id = g.room_id and r.exec_convener_member_id = $5))
    and g.studio_id = $6 and g.room_id = $7

-- $1 = 7
-- $2 = 70
-- $3 = 11
-- $4 = 11
-- $5 = 11
-- $6 = 3
-- $7 = 4
