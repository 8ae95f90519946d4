-- The events list counts each row's participants and speeches and checks the viewer's own participation; at province
-- scale (thousands of participants per committee) these lookups walked the committee's whole participant list per row.
create index consultation_participants_event on consultation_participants (committee_id, event_id);
create index consultation_speeches_event on consultation_speeches (committee_id, event_id, state);
