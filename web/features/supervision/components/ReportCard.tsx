// One 随手拍 as a card on a phone: the start of its text (a link to its page), flags, place, member, unit, deadline.
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format.ts';
import type { Report, Scope } from '../api.ts';
import { ReportFlags } from './ReportFlags.tsx';

export function ReportCard({ r, scope }: { r: Report; scope: Scope }) {
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Link to={`/supervision/${r.id}`}>
        <Typography.Text strong>{r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text}</Typography.Text>
      </Link>
      <div>
        <ReportFlags r={r} />
      </div>
      <div>地点：{r.place}</div>
      {scope !== 'mine' && <div>委员：{r.memberName}</div>}
      {r.unitName && <div>承办单位：{r.unitName}</div>}
      {r.dueOn && <div>答复期限：{r.dueOn}</div>}
      <div>提交时间：{formatDateTime(r.filedAt)}</div>
    </Card>
  );
}
