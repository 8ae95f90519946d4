with f as (
      select x.member_id, x.kind, x.ord, count(*)::int as n,
        0 as half_days
      from (
        select f.member_id, f.kind, f.detail, (case when f.kind = any($1::text[]) and f.detail ->> $2 = $3 then 0 when f.kind = any($4::text[]) and f.detail ->> $5 = $6 then 1 when f.kind = any($7::text[]) and f.detail ->> $8 = $9 then 2 when f.kind = any($10::text[]) and f.detail ->> $11 = $12 then 3 when f.kind = any($13::text[]) and f.detail ->> $14 = $15 then 4 when f.kind = any($16::text[]) and f.role = any($17::text[]) then 5 when f.kind = any($18::text[]) and f.role = any($19::text[]) then 6 when f.kind = any($20::text[]) and f.role = any($21::text[]) then 7 when f.kind = any($22::text[]) and f.role = any($23::text[]) then 8 when f.kind = any($24::text[]) then 9 when f.kind = any($25::text[]) and f.detail ->> $26 = $27 then 10 when f.kind = any($28::text[]) then 11 when f.kind = any($29::text[]) then 12 end) as ord
        from duty_facts f
        where f.committee_id = $30 and f.year = $31 and f.revoked_at is null
          and f.occurred_on <= $32::date
      ) x
      group by 1, 2, 3
    ), per_item as (
      select f.member_id, i.category,
        i.points::numeric * (case when i.multiply_by = 'halfDays' then sum(f.half_days) else greatest(sum(f.n) - i.skip_first, 0) end) as pts
      from f join duty_rule_items i on i.committee_id = $33 and i.version_id = $34 and i.ord = f.ord
      group by f.member_id, i.category, i.ord, i.points, i.multiply_by, i.skip_first
    ), capped as (
      select p.member_id, p.category,
        least(greatest(sum(p.pts), coalesce(min(c.floor)::numeric, $35::numeric)), coalesce(min(c.cap)::numeric, $36::numeric)) as pts
      from per_item p join duty_rule_categories c on c.committee_id = $37 and c.version_id = $38 and c.key = p.category
      group by p.member_id, p.category
    ), sums as (
      select member_id, sum(pts) as s, jsonb_object_agg(category, pts) as comp from capped group by member_id
    ), done as (
      select x.member_id, array_agg(x.key order by x.key) as keys from (
        select f.member_id, ck.key from f join (values ($39, $40::text[], $41::int), ($42, $43::text[], $44::int), ($45, $46::text[], $47::int), ($48, $49::text[], $50::int), ($51, $52::text[], $53::int), ($54, $55::text[], $56::int)) as ck(key, kinds, min) on f.kind = any(ck.kinds)
        group by f.member_id, ck.key, ck.min having sum(f.n) >= ck.min
      ) x group by x.member_id
    ), t as (
      select m.id as member_id,
        round(least(greatest($57::numeric + coalesce(s.s, 0), 0), $58::numeric), 2) as total,
        coalesce(s.comp, '{}'::jsonb) as components, coalesce(d.keys, '{}'::text[]) as done
      from (select committee_id, id, code, name, sector_id, work_unit, standing_member, term_id, status from members) m join terms tm on tm.committee_id = m.committee_id and tm.id = m.term_id
        left join sums s on s.member_id = m.id left join done d on d.member_id = m.id
      where m.committee_id = $59
        and coalesce(extract(year from tm.start_date)::int, 0) <= $60
        and $61 <= coalesce(extract(year from tm.end_date)::int, 9999)
    )
    select t.member_id, t.total, (case when t.total >= $62::numeric then $63 when t.total >= $64::numeric then $65 when t.total >= $66::numeric then $67 else $68 end) as grade, t.components, t.done,
      array(select k from unnest($69::text[]) as k where k <> all(t.done)) as missing
    from t
-- $1 = ["meeting.present"]
-- $2 = "meetingKind"
-- $3 = "plenary"
-- $4 = ["meeting.leave"]
-- $5 = "meetingKind"
-- $6 = "plenary"
-- $7 = ["meeting.absent"]
-- $8 = "meetingKind"
-- $9 = "plenary"
-- $10 = ["meeting.leave"]
-- $11 = "meetingKind"
-- $12 = "standing"
-- $13 = ["meeting.absent"]
-- $14 = "meetingKind"
-- $15 = "standing"
-- $16 = ["proposal.filed"]
-- $17 = ["lead"]
-- $18 = ["proposal.filed"]
-- $19 = ["self"]
-- $20 = ["proposal.registered"]
-- $21 = ["lead"]
-- $22 = ["proposal.registered"]
-- $23 = ["self"]
-- $24 = ["activity.research","activity.inspection","activity.studyVisit","activity.supervision","activity.studio","activity.grassroots","activity.training","activity.reading","activity.goodDeed","activity.introduction"]
-- $25 = ["speech.delivered"]
-- $26 = "mode"
-- $27 = "written"
-- $28 = ["opinion.submitted"]
-- $29 = ["opinion.adopted"]
-- $30 = 7
-- $31 = 2026
-- $32 = "2026-03-31"
-- $33 = 7
-- $34 = 1
-- $35 = -1000000000
-- $36 = 1000000000
-- $37 = 7
-- $38 = 1
-- $39 = "research"
-- $40 = ["activity.research"]
-- $41 = 1
-- $42 = "proposal"
-- $43 = ["proposal.filed"]
-- $44 = 1
-- $45 = "opinion"
-- $46 = ["opinion.submitted"]
-- $47 = 1
-- $48 = "grassroots"
-- $49 = ["activity.grassroots"]
-- $50 = 1
-- $51 = "goodDeed"
-- $52 = ["activity.goodDeed"]
-- $53 = 1
-- $54 = "introduction"
-- $55 = ["activity.introduction"]
-- $56 = 1
-- $57 = 0
-- $58 = 100
-- $59 = 7
-- $60 = 2026
-- $61 = 2026
-- $62 = 90
-- $63 = "excellent"
-- $64 = 75
-- $65 = "good"
-- $66 = 60
-- $67 = "competent"
-- $68 = "incompetent"
-- $69 = ["research","proposal","opinion","grassroots","goodDeed","introduction"]
