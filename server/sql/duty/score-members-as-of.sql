with f as (
      select x.member_id, x.kind, x.ord, count(*)::int as n,
        0 as half_days
      from (
        select f.member_id, f.kind, f.detail, (case when f.kind = any($1::text[]) and f.detail ->> $2 = $3 then 0 when f.kind = any($4::text[]) and f.detail ->> $5 = $6 then 1 when f.kind = any($7::text[]) and f.detail ->> $8 = $9 then 2 when f.kind = any($10::text[]) and f.detail ->> $11 = $12 then 3 when f.kind = any($13::text[]) and f.detail ->> $14 = $15 then 4 when f.kind = any($16::text[]) and f.role = any($17::text[]) then 5 when f.kind = any($18::text[]) and f.role = any($19::text[]) then 6 when f.kind = any($20::text[]) and f.role = any($21::text[]) then 7 when f.kind = any($22::text[]) and f.role = any($23::text[]) then 8 when f.kind = any($24::text[]) then 9 when f.kind = any($25::text[]) and f.detail ->> $26 = $27 then 10 when f.kind = any($28::text[]) then 11 when f.kind = any($29::text[]) then 12 end) as ord
        from duty_facts f
        where f.committee_id = $30 and f.year = $31 and f.created_at <= $32::timestamptz and (f.revoked_at is null or f.revoked_at > $33::timestamptz)
           and f.member_id = any($34::int[])
      ) x
      group by 1, 2, 3
    ), per_item as (
      select f.member_id, i.category,
        i.points::numeric * (case when i.multiply_by = 'halfDays' then sum(f.half_days) else greatest(sum(f.n) - i.skip_first, 0) end) as pts
      from f join duty_rule_items i on i.committee_id = $35 and i.version_id = $36 and i.ord = f.ord
      group by f.member_id, i.category, i.ord, i.points, i.multiply_by, i.skip_first
    ), capped as (
      select p.member_id, p.category,
        least(greatest(sum(p.pts), coalesce(min(c.floor)::numeric, $37::numeric)), coalesce(min(c.cap)::numeric, $38::numeric)) as pts
      from per_item p join duty_rule_categories c on c.committee_id = $39 and c.version_id = $40 and c.key = p.category
      group by p.member_id, p.category
    ), sums as (
      select member_id, sum(pts) as s, jsonb_object_agg(category, pts) as comp from capped group by member_id
    ), done as (
      select x.member_id, array_agg(x.key order by x.key) as keys from (
        select f.member_id, ck.key from f join (values ($41, $42::text[], $43::int), ($44, $45::text[], $46::int), ($47, $48::text[], $49::int), ($50, $51::text[], $52::int), ($53, $54::text[], $55::int), ($56, $57::text[], $58::int)) as ck(key, kinds, min) on f.kind = any(ck.kinds)
        group by f.member_id, ck.key, ck.min having sum(f.n) >= ck.min
      ) x group by x.member_id
    ), t as (
      select m.id as member_id,
        round(least(greatest($59::numeric + coalesce(s.s, 0), 0), $60::numeric), 2) as total,
        coalesce(s.comp, '{}'::jsonb) as components, coalesce(d.keys, '{}'::text[]) as done
      from (select committee_id, id, code, name, sector_id, work_unit, standing_member, term_id, status from members) m join terms tm on tm.committee_id = m.committee_id and tm.id = m.term_id
        left join sums s on s.member_id = m.id left join done d on d.member_id = m.id
      where m.committee_id = $61
        and coalesce(extract(year from tm.start_date)::int, 0) <= $62
        and $63 <= coalesce(extract(year from tm.end_date)::int, 9999) and m.id = any($64::int[])
    )
    select t.member_id, t.total, (case when t.total >= $65::numeric then $66 when t.total >= $67::numeric then $68 when t.total >= $69::numeric then $70 else $71 end) as grade, t.components, t.done,
      array(select k from unnest($72::text[]) as k where k <> all(t.done)) as missing
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
-- $32 = "2026-06-30T16:00:00.000Z"
-- $33 = "2026-06-30T16:00:00.000Z"
-- $34 = [11,12]
-- $35 = 7
-- $36 = 1
-- $37 = -1000000000
-- $38 = 1000000000
-- $39 = 7
-- $40 = 1
-- $41 = "research"
-- $42 = ["activity.research"]
-- $43 = 1
-- $44 = "proposal"
-- $45 = ["proposal.filed"]
-- $46 = 1
-- $47 = "opinion"
-- $48 = ["opinion.submitted"]
-- $49 = 1
-- $50 = "grassroots"
-- $51 = ["activity.grassroots"]
-- $52 = 1
-- $53 = "goodDeed"
-- $54 = ["activity.goodDeed"]
-- $55 = 1
-- $56 = "introduction"
-- $57 = ["activity.introduction"]
-- $58 = 1
-- $59 = 0
-- $60 = 100
-- $61 = 7
-- $62 = 2026
-- $63 = 2026
-- $64 = [11,12]
-- $65 = 90
-- $66 = "excellent"
-- $67 = 75
-- $68 = "good"
-- $69 = 60
-- $70 = "competent"
-- $71 = "incompetent"
-- $72 = ["research","proposal","opinion","grassroots","goodDeed","introduction"]
