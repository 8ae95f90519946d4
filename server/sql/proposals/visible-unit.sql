(exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id and a.unit_id = $1))
-- $1 = 31
