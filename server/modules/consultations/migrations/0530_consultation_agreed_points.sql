-- The points a consultation meeting agreed (议定事项), recorded with the minutes and printed in the 会议纪要.
alter table consultation_events add column agreed_points text;
