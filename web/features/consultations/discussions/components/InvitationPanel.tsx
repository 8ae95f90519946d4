// 邀请群众 on the staff discussion page: make an invitation link (valid days, number of people), show it as a QR code
// and a link to copy, list the links with their uses, and revoke one (after a confirmation). The citizen's side is
// JoinDiscussionPage.tsx.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InvitationLink } from '../../../../../server/modules/consultations/discussion-guests.ts';
import { api } from '../../../../api/client.ts';
import { formatDateTime } from '../../../../app/format.ts';
import { ConfirmButton, ErrorAlert } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import { discussionKeys } from '../queries.ts';

type Invitation = InvitationLink;
const linkOf = (token: string) => `${window.location.origin}/join/discussion/${token}`;

function stateOf(i: Invitation) {
  if (i.revoked) return <Tag>已收回</Tag>;
  if (Date.parse(i.expiresAt) <= Date.now()) return <Tag>已过期</Tag>;
  if (i.uses >= i.maxUses) return <Tag color={TAG.orange}>名额已满</Tag>;
  return <Tag color={TAG.green}>有效</Tag>;
}

export default function InvitationPanel({ id }: { id: number }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = discussionKeys.invitations(id);
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Invitation[]>(`/api/discussions/${id}/invitations`) });
  const [made, setMade] = useState<(Invitation & { qrSvg: string }) | null>(null);
  const create = useMutation({
    mutationFn: (v: { days: number; maxUses: number }) =>
      api.post<Invitation & { qrSvg: string }>(`/api/discussions/${id}/invitations`, v),
    onSuccess: (inv) => {
      setMade(inv);
      message.success('邀请链接已生成');
      qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <>
      <Card title="生成邀请链接" size="small">
        <Typography.Paragraph type="secondary">
          群众扫码或打开链接后，用手机号和验证码登录，只能参加本次讨论；链接不会晚于讨论结束时间失效。
        </Typography.Paragraph>
        <Form
          layout="inline"
          initialValues={{ days: 14, maxUses: 100 }}
          onFinish={(v) => create.mutate(v)}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="days" label="有效天数" rules={[{ required: true, message: '请填写有效天数' }]}>
            <InputNumber min={1} max={90} precision={0} />
          </Form.Item>
          <Form.Item name="maxUses" label="可用人数" rules={[{ required: true, message: '请填写可用人数' }]}>
            <InputNumber min={1} max={5000} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            生成链接
          </Button>
        </Form>
        <ErrorAlert error={create.error} />
        {made && (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(made.qrSvg)}`}
              alt="邀请二维码"
              style={{ width: 'min(60vw, 220px)' }}
            />
            <Typography.Paragraph copyable={{ text: linkOf(made.token) }} style={{ wordBreak: 'break-all' }}>
              <span data-testid="invitation-link">{linkOf(made.token)}</span>
            </Typography.Paragraph>
          </Flex>
        )}
      </Card>
      <Card title="已有邀请链接" size="small" style={{ marginTop: 16 }}>
        <ErrorAlert error={list.error} />
        <List
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: '还没有邀请链接' }}
          renderItem={(i) => (
            <List.Item
              actions={
                i.revoked
                  ? []
                  : [
                      <ConfirmButton
                        key="revoke"
                        size="small"
                        danger
                        confirm="确定收回这个邀请链接吗？"
                        detail="收回后，尚未登录的群众不能再用它参加，已登录的群众也不能继续表态。"
                        okText="收回"
                        onConfirm={async () => {
                          await api.post(`/api/discussions/${id}/invitations/${i.id}/revoke`, {});
                          message.success('已收回');
                          await qc.invalidateQueries({ queryKey: key });
                        }}
                      >
                        收回
                      </ConfirmButton>,
                    ]
              }
            >
              <div style={{ minWidth: 0 }}>
                <div>
                  {stateOf(i)} 已用 {i.uses} / {i.maxUses} 人 · {formatDateTime(i.expiresAt)} 前有效
                </div>
                <Typography.Text
                  copyable={{ text: linkOf(i.token) }}
                  type="secondary"
                  style={{ wordBreak: 'break-all' }}
                >
                  {linkOf(i.token)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
