// An event's minutes (纪要) and agreed points (议定事项), once written.
import { Card, Typography } from 'antd';

export function MinutesCard({ minutes, agreedPoints }: { minutes: string | null; agreedPoints: string | null }) {
  if (!minutes) return null;
  return (
    <Card title="纪要" style={{ marginTop: 16 }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{minutes}</Typography.Paragraph>
      {agreedPoints && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            议定事项
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{agreedPoints}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
