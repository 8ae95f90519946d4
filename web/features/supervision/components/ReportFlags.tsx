// The state of a 随手拍 and its flags (urgent, overdue, disputed), as tags on its list row, card and page.
import { Tag } from 'antd';
import { TAG } from '../../../components/tagColors.ts';
import type { Report } from '../api.ts';

export function ReportFlags({ r }: { r: Report }) {
  return (
    <>
      <Tag>{r.stateLabel}</Tag>
      {r.urgent && <Tag color={TAG.orange}>紧急</Tag>}
      {r.overdue && <Tag color={TAG.red}>超期</Tag>}
      {r.disputed && <Tag color={TAG.purple}>有异议</Tag>}
    </>
  );
}
