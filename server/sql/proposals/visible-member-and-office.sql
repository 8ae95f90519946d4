(p.state = any($1::text[]) or exists (select 1 from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id
      and pp.member_id = $2 and (pp.is_lead or p.state <> 'draft')) or exists (select 1 from proposals m join proposal_proposers pp on pp.committee_id = m.committee_id and pp.proposal_id = m.id
      where m.committee_id = p.committee_id and m.merged_into_id = p.id and pp.member_id = $3 and pp.cosign_status = 'confirmed'))
-- $1 = ["submitted","returned","reviewing","withdrawn","registered","assignPending","rejected","merged","converted","handling","replied","completed"]
-- $2 = 11
-- $3 = 11
