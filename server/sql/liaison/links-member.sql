select l.id, l.scheme, l.frequency_days, l.owner_member_id, om.name as owner_member_name,
      l.owner_special_committee_id, sc.name as owner_committee_name, l.member_id, tm.name as member_name,
      ts.name as member_sector_name, l.contact_point_id, cp.name as contact_point_name,
      last.day::text as last_contacted_on, (coalesce(last.day, l.created_at::date) + l.frequency_days)::text as due_on,
      (coalesce(last.day, l.created_at::date) + l.frequency_days) < $1::date as overdue
    from liaison_links l
    left join (select committee_id, id, code, name, sector_id, work_unit, standing_member, term_id, status from members) om on om.committee_id = l.committee_id and om.id = l.owner_member_id
    left join special_committees sc on sc.committee_id = l.committee_id and sc.id = l.owner_special_committee_id
    left join (select committee_id, id, code, name, sector_id, work_unit, standing_member, term_id, status from members) tm on tm.committee_id = l.committee_id and tm.id = l.member_id
    left join sectors ts on ts.committee_id = tm.committee_id and ts.id = tm.sector_id
    left join liaison_contact_points cp on cp.committee_id = l.committee_id and cp.id = l.contact_point_id
    left join lateral (select max(contacted_on) as day from liaison_contacts x where x.committee_id = l.committee_id and x.link_id = l.id) last on true
    where l.committee_id = $2 and l.active and true and (l.owner_member_id = $3 or l.member_id = $4)
-- $1 = "2026-06-30"
-- $2 = 7
-- $3 = 11
-- $4 = 11
