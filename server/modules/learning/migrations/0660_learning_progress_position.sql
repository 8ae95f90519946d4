-- Video/audio progress by position (issue 16): the player reports where the member is and the media's length; the
-- server keeps the furthest position credited and the duration, and a material is finished at the committee's mark.
alter table learning_progress add column duration_seconds integer check (duration_seconds between 1 and 86400);
alter table learning_progress add constraint learning_progress_position_within
  check (duration_seconds is null or position_seconds <= duration_seconds);
