-- Staff find members by pinyin as they do in other Chinese systems: ' zhangsan zs ' (full pinyin and initials, each
-- preceded by a space so that a query matches from the start of either). Filled by the app (pinyin-pro) whenever a
-- member's search data is rebuilt; existing rows are filled by the start-up search reindex (server/modules/search-reindex.ts,
-- which this migration triggers by forgetting that members were indexed).
alter table members add column name_pinyin text;
delete from search_index_state where name = 'members';
