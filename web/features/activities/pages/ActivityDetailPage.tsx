// One activity: registration and outputs (报告、建议、佐证) for members; participants, check-in marking, the QR screen
// and output review for staff.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import {
  AttachmentUpload,
  ConfirmButton,
  choices,
  ErrorAlert,
  PageHeader,
  ResponsiveList,
  useFormDraft,
} from '../../../components/index.ts';
import { activityState, OUTPUT_COLOR, OUTPUT_KINDS, type Output } from '../api.ts';
import { Participants } from '../components/Participants.tsx';
import { ReturnButton } from '../components/ReturnButton.tsx';
import { activityKeys, useActivity, useActivityOutputs } from '../queries.ts';

export function ActivityDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const manage = can('activity.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: a, error } = useActivity(id);
  const outputs = useActivityOutputs(id);
  const refresh = () => qc.invalidateQueries({ queryKey: activityKeys.all });
  const [outputOpen, setOutputOpen] = useState(false);
  const [fileIds, setFileIds] = useState<number[]>([]);
  const [outputForm] = Form.useForm();
  const outputDraft = useFormDraft(outputForm, outputOpen ? `activity-output:${id}` : null);
  const post = useMutation({
    mutationFn: ({ url, body }: { url: string; body?: unknown }) => api.post(url, body ?? {}),
    onSuccess: (_r, v) => {
      message.success('已完成');
      if (v.url.endsWith('/outputs')) outputDraft.clear();
      setOutputOpen(false);
      refresh();
    },
  });
  if (error) return <ErrorAlert error={error} />;
  if (!a) return null;
  return (
    <>
      <PageHeader
        title={a.title}
        back="/activities"
        extra={
          manage && a.status === 'open' ? (
            <>
              <Button type="primary" href={`/activities/${a.id}/qr`}>
                签到二维码
              </Button>
              <ConfirmButton
                confirm="确定结束活动吗？"
                onConfirm={() => post.mutateAsync({ url: `/api/activities/${a.id}/close` })}
              >
                结束活动
              </ConfirmButton>
              <ConfirmButton
                danger
                confirm="确定取消活动吗？"
                detail="取消后本活动的签到记录全部作废。"
                onConfirm={() => post.mutateAsync({ url: `/api/activities/${a.id}/cancel` })}
              >
                取消活动
              </ConfirmButton>
            </>
          ) : manage && a.status === 'closed' ? (
            <ConfirmButton
              confirm="重新开放活动？"
              onConfirm={() => post.mutateAsync({ url: `/api/activities/${a.id}/reopen` })}
            >
              重新开放
            </ConfirmButton>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="类型">{a.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={activityState(a).color}>{activityState(a).label}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatDateTime(a.startsAt)} 至 {formatDateTime(a.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label="地点">{a.place}</Descriptions.Item>
          <Descriptions.Item label="参加方式">
            {a.registration === 'open' ? '自行报名' : '邀请参加'}
            {a.capacity ? `（限 ${a.capacity} 人）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="人数">
            名单 {a.participants} 人，已签到 {a.checkedIn} 人
          </Descriptions.Item>
        </Descriptions>
        {a.description && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Typography.Paragraph>
        )}
        {a.files.length > 0 && (
          <Space wrap>
            材料：
            {a.files.map((f) => (
              <a key={f.id} href={`/api/files/${f.id}`}>
                {f.name}
              </a>
            ))}
          </Space>
        )}
      </Card>
      <ErrorAlert error={post.error} />
      {!manage && (
        <Card title="我的参加" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            {a.mine?.checkedInAt ? (
              <Tag color="#237804">已签到 {formatDateTime(a.mine.checkedInAt)}</Tag>
            ) : a.mine ? (
              <Tag color="#0958d9">已在名单中</Tag>
            ) : (
              <Tag>未报名</Tag>
            )}
            {a.status === 'open' && !a.mine && a.registration === 'open' && (
              <Button
                type="primary"
                size="large"
                onClick={() => post.mutate({ url: `/api/activities/${a.id}/register` })}
              >
                报名参加
              </Button>
            )}
            {a.status === 'open' && a.mine?.source === 'registered' && !a.mine.checkedInAt && (
              <ConfirmButton
                size="large"
                confirm="确定取消报名吗？"
                onConfirm={() => post.mutateAsync({ url: `/api/activities/${a.id}/unregister` })}
              >
                取消报名
              </ConfirmButton>
            )}
            {a.mine && a.status !== 'cancelled' && (
              <Button size="large" onClick={() => setOutputOpen(true)}>
                提交活动成果
              </Button>
            )}
            {a.status === 'open' && a.mine && !a.mine.checkedInAt && (
              <Link to="/scan">
                <Button size="large">扫码签到</Button>
              </Link>
            )}
          </Flex>
        </Card>
      )}
      {manage && <Participants activity={a} onChange={refresh} />}
      <Card title="活动成果" style={{ marginBottom: 16 }}>
        <ErrorAlert error={outputs.error} />
        <ResponsiveList<Output>
          data={outputs.data}
          loading={outputs.isFetching}
          page={1}
          pageSize={100}
          onPageChange={() => {}}
          expandable={{
            expandedRowRender: (o) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.body}</Typography.Paragraph>
                {o.files.map((f) => (
                  <a key={f.id} href={`/api/files/${f.id}`} style={{ marginRight: 12 }}>
                    {f.name}
                  </a>
                ))}
                {o.reviewComment && <div>意见：{o.reviewComment}</div>}
              </>
            ),
          }}
          columns={[
            { title: '标题', dataIndex: 'title' },
            ...(manage ? [{ title: '委员', dataIndex: 'memberName' }] : []),
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string, o: Output) => <Tag color={OUTPUT_COLOR[s]}>{o.statusLabel}</Tag>,
            },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, o: Output) => (
                      <Space wrap>
                        {o.status !== 'confirmed' && (
                          <ConfirmButton
                            size="small"
                            type="primary"
                            confirm={`确认成果「${o.title}」？`}
                            detail="确认后计入该委员的履职记录。"
                            onConfirm={() =>
                              post.mutateAsync({
                                url: `/api/activities/outputs/${o.id}/review`,
                                body: { action: 'confirm' },
                              })
                            }
                          >
                            确认
                          </ConfirmButton>
                        )}
                        {o.status === 'submitted' && (
                          <ReturnButton
                            item={`activity-output-return:${o.id}`}
                            onReturn={(comment) =>
                              post.mutateAsync({
                                url: `/api/activities/outputs/${o.id}/review`,
                                body: { action: 'return', comment },
                              })
                            }
                          />
                        )}
                        {o.status === 'confirmed' && (
                          <ConfirmButton
                            size="small"
                            danger
                            confirm="撤销确认？"
                            detail="该成果的履职记录将作废。"
                            onConfirm={() =>
                              post.mutateAsync({
                                url: `/api/activities/outputs/${o.id}/review`,
                                body: { action: 'revoke' },
                              })
                            }
                          >
                            撤销确认
                          </ConfirmButton>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title="提交活动成果"
        open={outputOpen}
        onCancel={() => setOutputOpen(false)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        {outputDraft.notice}
        <Form
          form={outputForm}
          layout="vertical"
          initialValues={{ kind: 'report' }}
          onFinish={(v) => post.mutate({ url: `/api/activities/${a.id}/outputs`, body: { ...v, fileIds } })}
          onValuesChange={outputDraft.onValuesChange}
        >
          <Form.Item name="kind" label="成果类型">
            <Radio.Group options={choices(OUTPUT_KINDS)} />
          </Form.Item>
          <Form.Item name="title" label="成果标题" rules={[{ required: true, message: '请填写成果标题' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="body" label="成果内容">
            <Input.TextArea rows={6} count={{ show: true, max: 20000 }} />
          </Form.Item>
          <Form.Item label="佐证材料（照片、文件）">
            <AttachmentUpload label="上传" onUploaded={(id) => setFileIds((x) => [...x, id])} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            提交
          </Button>
        </Form>
      </Modal>
    </>
  );
}
