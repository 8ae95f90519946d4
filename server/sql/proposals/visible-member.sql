(exists (select 1 from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id
      and pp.member_id = $1 and (pp.is_lead or p.state <> 'draft')) or exists (select 1 from proposals m join proposal_proposers pp on pp.committee_id = m.committee_id and pp.proposal_id = m.id
      where m.committee_id = p.committee_id and m.merged_into_id = p.id and pp.member_id = $2 and pp.cosign_status = 'confirmed'))
-- $1 = 11
-- $2 = 11
