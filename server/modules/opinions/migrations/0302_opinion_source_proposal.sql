-- A converted proposal finds its opinion report (the proposal page links to it).
create index if not exists opinion_reports_source_proposal on opinion_reports (committee_id, source_proposal_id)
  where source_proposal_id is not null;
