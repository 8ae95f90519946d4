-- Issue 18, reads: the proposal list's default order (last changed first) reads its page from an index instead of
-- sorting every visible proposal of the committee, and a proposal's page finds its pre-reply contacts by proposal
-- (proposal_contacts was indexed by assignment only, so the detail statement scanned the committee's contacts).
create index if not exists proposals_updated on proposals (committee_id, updated_at desc, id desc);
create index if not exists proposal_contacts_proposal on proposal_contacts (committee_id, proposal_id);
