// 优秀提案: where the proposal stands in the year's commendation and the button to its next step.
import { Button, Card, Tag, Typography } from 'antd';
import type { Detail } from '../api.ts';

export function CommendationCard({ d, onOpen }: { d: Detail; onOpen: () => void }) {
  return (
    <Card title="优秀提案" style={{ marginBottom: 16 }}>
      {d.commendation ? (
        <Typography.Paragraph>
          {d.commendation.year} 年度：<Tag>{d.commendation.stateLabel}</Tag>
          {d.commendation.score != null && `评审得分 ${d.commendation.score}`}
        </Typography.Paragraph>
      ) : null}
      {d.can.commend && <Button onClick={onOpen}>{d.commendation ? '评选操作' : '推荐为优秀提案'}</Button>}
    </Card>
  );
}
