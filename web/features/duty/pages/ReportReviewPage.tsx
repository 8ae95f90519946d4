// One self-report: read it, accept it or send it back with a comment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader, useTextDraft } from '../../../components/index.ts';
import { MyCommitmentsCard } from '../../tasks/components/MyCommitmentsCard.tsx';
import { dutyKeys, useReport } from '../queries.ts';

export function ReportReviewPage() {
  const { id } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useReport(id);
  const [comment, setComment, clearComment] = useTextDraft(`duty-report-review:${id}`);
  const review = useMutation({
    mutationFn: (accept: boolean) => api.post(`/api/duty/reports/${id}/review`, { accept, comment }),
    onSuccess: () => {
      message.success('已保存');
      clearComment();
      qc.invalidateQueries({ queryKey: dutyKeys.reports });
    },
  });
  return (
    <>
      <PageHeader title={data ? `${data.name} ${data.year} 年度述职报告` : '述职报告'} back="/duty/reports" />
      <ErrorAlert error={error ?? review.error} />
      {data && (
        <Card>
          <Tag>{data.statusLabel}</Tag>
          <Link to={`/duty/members/${data.memberId}?year=${data.year}`}>查看该委员的履职明细</Link>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, marginTop: 16 }}>
            {data.body}
          </Typography.Paragraph>
          {data.reviewComment && (
            <Typography.Paragraph type="secondary">
              审阅意见：{data.reviewComment}（{data.reviewedBy}）
            </Typography.Paragraph>
          )}
          {can('duty.manage') && data.status === 'submitted' && (
            <Flex vertical gap={12} style={{ maxWidth: 560 }}>
              <label htmlFor="review-comment">审阅意见（退回时必填）</label>
              <Input.TextArea
                id="review-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                count={{ show: true, max: 1000 }}
              />
              <Space>
                <Button type="primary" loading={review.isPending} onClick={() => review.mutate(true)}>
                  审阅通过
                </Button>
                <Button danger loading={review.isPending} onClick={() => review.mutate(false)}>
                  退回修改
                </Button>
              </Space>
            </Flex>
          )}
        </Card>
      )}
      {data && can('commitment.manage') && <MyCommitmentsCard year={data.year} memberId={data.memberId} />}
    </>
  );
}
