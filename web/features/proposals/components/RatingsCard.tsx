// 提案人评价: the proposers' ratings of the handling, round by round, and until when they may rate.
import { Card, Empty, Tag, Typography } from 'antd';
import { formatDate } from '../../../app/format.ts';
import { type Detail, TAG } from '../api.ts';

export function RatingsCard({ d }: { d: Detail }) {
  return (
    <Card title="提案人评价" style={{ marginBottom: 16 }}>
      {d.ratingDueAt && d.state === 'replied' && (
        <Typography.Paragraph>请在 {formatDate(d.ratingDueAt)} 前评价。</Typography.Paragraph>
      )}
      {d.ratings.length === 0 ? (
        <Empty description="尚未评价" />
      ) : (
        d.ratings.map((r) => (
          <Typography.Paragraph key={r.id}>
            第 {r.round} 轮 · {r.raterName}：
            <Tag color={r.rating === 'unsatisfied' ? TAG.red : TAG.green}>{r.ratingLabel}</Tag>
            {r.comment}
            {r.enteredByStaff ? '（工作人员代为录入）' : ''}
          </Typography.Paragraph>
        ))
      )}
    </Card>
  );
}
