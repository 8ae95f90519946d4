// 转办与部门回复: each referral to a handling unit with its response; staff approve the response (then the writer sees
// it) or send it back to be done again (退回重办, a dialog of OpinionDialogs).
import { Button, Card, Space, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../app/format.ts';
import { SectionCard } from '../../../components/index.ts';
import type { Detail } from '../api.ts';
import { useReferralReview } from '../queries.ts';
import { FileLinks, OpinionText } from './OpinionText.tsx';

export function ReferralsCard({
  d,
  onRefer,
  onReject,
  done,
}: {
  d: Detail;
  onRefer: () => void;
  /** Opens 退回重办 for the referral (a dialog of OpinionDialogs). */
  onReject: (referralId: number) => void;
  done: (text: string) => Promise<unknown>;
}) {
  const staffOnly = d.access === 'staff';
  const review = useReferralReview(done);
  return (
    <SectionCard title="转办与部门回复" actions={d.can.refer && <Button onClick={onRefer}>转办</Button>}>
      {!d.referrals.length && <Typography.Text type="secondary">尚未转办</Typography.Text>}
      {d.referrals.map((f) => (
        <Card key={f.id} size="small" style={{ marginBottom: 12 }} title={`${f.unitName}（${f.stateLabel}）`}>
          {f.note && <Typography.Paragraph>转办意见：{f.note}</Typography.Paragraph>}
          {f.dueOn && staffOnly && <Typography.Paragraph>办理期限：{formatDate(f.dueOn)}</Typography.Paragraph>}
          {f.response ? (
            <>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                部门回复（{f.responderName}，{formatDateTime(f.respondedAt)}）：
              </Typography.Paragraph>
              <OpinionText>{f.response}</OpinionText>
              <FileLinks files={f.files} />
            </>
          ) : (
            <Typography.Text type="secondary">等待承办单位回复</Typography.Text>
          )}
          {f.reviewComment && staffOnly && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              审核意见：{f.reviewComment}
            </Typography.Paragraph>
          )}
          {staffOnly && d.can.refer && f.state === 'responded' && (
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                type="primary"
                loading={review.isPending}
                onClick={() => review.mutate({ referralId: f.id, decision: 'approve' })}
              >
                审核通过（报送人可见）
              </Button>
              <Button onClick={() => onReject(f.id)}>退回重办</Button>
            </Space>
          )}
        </Card>
      ))}
    </SectionCard>
  );
}
