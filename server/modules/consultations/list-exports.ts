// Excel of the consultation lists staff keep on file: events (with the list's filters) and topic suggestions. Built
// by the platform's one workbook helper (platform/download.ts), which also quotes cells a spreadsheet would run as
// formulas; the row count is bounded so an export stays one request's work.
import { formatBeijingDateTime } from '../../platform/dates.ts';
import { xlsxOf } from '../../platform/download.ts';
import type { EventListItem } from './event-repository.ts';
import type { TopicListItem } from './topic-service.ts';

/** The most rows one export holds (a committee's events or suggestions over many years fit well under it). */
export const EXPORT_ROWS = 5000;

const CATEGORY: Record<string, string> = { consultation: '协商', supervision: '民主监督' };

export function eventsXlsx(items: EventListItem[]): Promise<Buffer> {
  return xlsxOf(
    '协商活动',
    [
      { header: '编号', key: 'id', width: 8 },
      { header: '类别', key: 'category', width: 10 },
      { header: '协商类型', key: 'kindLabel', width: 20 },
      { header: '活动名称', key: 'title', width: 40 },
      { header: '状态', key: 'stateLabel', width: 10 },
      { header: '时间', key: 'time', width: 20 },
      { header: '地点', key: 'place', width: 24 },
      { header: '牵头专委会', key: 'specialCommitteeName', width: 16 },
      { header: '参加人数', key: 'participants', width: 10 },
      { header: '发言数', key: 'speeches', width: 8 },
      { header: '纪要期限', key: 'minutesDue', width: 12 },
    ],
    items.map((i) => ({
      ...i,
      category: CATEGORY[i.category] ?? i.category,
      time: i.startsAt ? formatBeijingDateTime(i.startsAt) : (i.heldOn ?? ''),
    })),
  );
}

export function topicsXlsx(items: TopicListItem[]): Promise<Buffer> {
  return xlsxOf(
    '议题建议',
    [
      { header: '编号', key: 'id', width: 8 },
      { header: '年度', key: 'year', width: 8 },
      { header: '提出方', key: 'suggesterTypeLabel', width: 14 },
      { header: '提出者', key: 'suggesterName', width: 20 },
      { header: '议题', key: 'title', width: 40 },
      { header: '理由', key: 'reason', width: 60 },
      { header: '建议协商类型', key: 'suggestedKind', width: 14 },
      { header: '建议牵头单位', key: 'leadBody', width: 20 },
      { header: '状态', key: 'stateLabel', width: 10 },
      { header: '答复', key: 'answer', width: 40 },
      { header: '列入计划项目', key: 'planItemTopic', width: 30 },
      { header: '提出时间', key: 'time', width: 20 },
    ],
    items.map((i) => ({ ...i, time: formatBeijingDateTime(i.createdAt) })),
  );
}
