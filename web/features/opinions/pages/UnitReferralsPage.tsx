// 转办信息 (handling units): the reports referred to this unit, the open ones first with their deadline, and the
// answer form; an answer returned by the liaison office shows its reason and can be answered again.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { formatDate, formatDateTime } from '../../../app/format.ts';
import {
  CardList,
  ErrorAlert,
  errorMessage,
  PageHeader,
  pagedProps,
  useFormDraft,
  useListParams,
} from '../../../components/index.ts';
import type { Referral } from '../api.ts';
import { FileLinks } from '../components/OpinionText.tsx';
import { Pill } from '../Pill.tsx';
import { opinionKeys } from '../queries.ts';

function RespondForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const [form] = Form.useForm<{ response: string }>();
  const draft = useFormDraft(form, `opinion-referral-response:${referral.id}`);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={draft.onValuesChange}
      onFinish={async (v) => {
        setBusy(true);
        try {
          await api.post(`/api/opinions/referrals/${referral.id}/respond`, { response: v.response });
          message.success('回复已提交，等待社情民意工作人员审核');
          draft.clear();
          form.resetFields();
          onDone();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {draft.notice}
      <Form.Item
        label="办理回复"
        name="response"
        rules={[
          { required: true, whitespace: true, message: '请填写办理回复' },
          { max: 5000, message: '不能超过 5000 字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4 }} placeholder="写明采取的措施、办理结果和下一步安排" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        提交回复
      </Button>
    </Form>
  );
}

export function UnitReferralsPage() {
  const [params, setParams] = useListParams({ state: 'referred' }, 10);
  const queryClient = useQueryClient();
  const { data, error, isFetching } = useQuery({
    queryKey: opinionKeys.referralList(params),
    queryFn: () => api.get<{ items: Referral[]; total: number }>(`/api/opinions/referrals${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="转办的社情民意信息"
        description="政协转给本单位办理的信息。请在办理期限内回复，回复经审核后反馈给报送人。"
      />
      <Segmented
        aria-label="按办理状态查看"
        style={{ marginBottom: 16 }}
        value={params.state}
        onChange={(v) => setParams({ state: String(v) })}
        options={[
          { value: 'referred', label: '待办复' },
          { value: 'responded', label: '待审核' },
          { value: 'approved', label: '已办复' },
        ]}
      />
      <ErrorAlert error={error} />
      <CardList
        {...pagedProps({ data, isFetching }, params, setParams)}
        emptyText="没有这一类的转办信息"
        renderCard={(r) => (
          <Card
            style={{ width: '100%' }}
            title={<span style={{ whiteSpace: 'normal' }}>{r.title}</span>}
            extra={<Pill tone={r.overdue ? 'red' : 'default'}>{r.stateLabel}</Pill>}
          >
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{formatDate(r.createdAt)} 转办</Typography.Text>
              {r.dueOn && (
                <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
                  办理期限 {formatDate(r.dueOn)}
                  {r.overdue ? '（已超期）' : ''}
                </Typography.Text>
              )}
            </Flex>
            {r.note && <Alert type="info" title={`转办意见：${r.note}`} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph
              ellipsis={{ rows: 6, expandable: true, symbol: '展开全文' }}
              style={{ whiteSpace: 'pre-wrap', fontSize: 17 }}
            >
              {r.body}
            </Typography.Paragraph>
            {r.reviewComment && r.state === 'referred' && (
              <Alert type="warning" showIcon title={`回复被退回：${r.reviewComment}`} style={{ marginBottom: 12 }} />
            )}
            {r.response && r.state !== 'referred' && (
              <Card size="small" title={`本单位回复（${formatDateTime(r.respondedAt)}）`}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.response}</div>
                <FileLinks files={r.files} />
              </Card>
            )}
            {r.state === 'referred' && (
              <RespondForm
                referral={r}
                onDone={() => queryClient.invalidateQueries({ queryKey: opinionKeys.referrals })}
              />
            )}
          </Card>
        )}
      />
    </>
  );
}
