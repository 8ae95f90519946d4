// 活动: list (members see the ones they are in and the open ones), create, and an activity's page — registration,
// outputs (报告、建议、佐证) for members; participants, check-in marking, QR screen and output review for staff.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import {
  ConfirmButton,
  countActive,
  ErrorAlert,
  ExportButton,
  FilterBar,
  PageHeader,
  ResponsiveList,
  useFormDraft,
  useListParams,
  usePageTitle,
} from '../../components/index.ts';
import { InviteFields, meetingState, QrScreen } from '../meetings/shared.tsx';

export const ACTIVITY_KINDS: Record<string, string> = {
  research: '调研',
  inspection: '视察',
  studyVisit: '考察',
  supervision: '民主监督',
  studio: '委员工作室活动',
  grassroots: '基层协商',
  training: '学习培训',
  reading: '读书活动',
  goodDeed: '为群众办实事',
  introduction: '引进项目或人才',
};
/** Stored states as the filter names them ('open' covers 未开始 and 进行中); tags use activityState. */
const STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '未结束', color: '#0958d9' },
  closed: { label: '已结束', color: 'default' },
  cancelled: { label: '已取消', color: '#cf1322' },
};
/** 未开始 / 进行中 / 已结束 / 已取消, from the stored state and the activity's time (same rule as meetings). */
function activityState(a: { status: string; startsAt: string; endsAt: string }) {
  return a.status === 'open' ? meetingState({ ...a, status: 'planned' }) : (STATUS[a.status] ?? STATUS.closed);
}
const OUTPUT_KINDS: Record<string, string> = { report: '调研报告', suggestion: '意见建议', evidence: '履职佐证' };
const OUTPUT_COLOR: Record<string, string> = { submitted: '#ad4e00', confirmed: '#237804', returned: '#cf1322' };

interface Item {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  registration: string;
  status: string;
  participants: number;
  checkedIn: number;
  outputsPending: number;
  joined: boolean;
  myCheckedInAt: string | null;
}

export function ActivitiesPage() {
  const { can } = useSession();
  const manage = can('activity.manage');
  const navigate = useNavigate();
  const [p, setP] = useListParams({ q: '', kind: '', status: '', mine: '' });
  const { data, error, isFetching } = useQuery({
    queryKey: ['activities', p],
    queryFn: () => api.get<{ items: Item[]; total: number }>(`/api/activities${qs(p)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="履职活动"
        description={manage ? '组织调研、视察、考察、协商、培训等活动，签到并确认成果。' : '您受邀或可报名参加的活动。'}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')}>
              新建活动
            </Button>
          )
        }
      />
      <FilterBar
        active={countActive(p.kind, p.status, p.mine)}
        search={
          <Input.Search
            aria-label="按活动名称查找"
            placeholder="按活动名称查找"
            allowClear
            defaultValue={p.q}
            onSearch={(q) => setP({ q })}
            style={{ maxWidth: 320, flex: '1 1 200px' }}
          />
        }
      >
        <Select
          aria-label="活动类型"
          style={{ width: 170 }}
          value={p.kind}
          onChange={(kind) => setP({ kind })}
          options={[
            { value: '', label: '全部类型' },
            ...Object.entries(ACTIVITY_KINDS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Select
          aria-label="状态"
          style={{ width: 130 }}
          value={p.status}
          onChange={(status) => setP({ status })}
          options={[
            { value: '', label: '全部状态' },
            ...Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label })),
          ]}
        />
        {!manage && (
          <Select
            aria-label="范围"
            style={{ width: 150 }}
            value={p.mine}
            onChange={(mine) => setP({ mine })}
            options={[
              { value: '', label: '全部活动' },
              { value: 'true', label: '我参加的' },
            ]}
          />
        )}
      </FilterBar>
      <ErrorAlert error={error} />
      <ResponsiveList<Item>
        data={data}
        loading={isFetching}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        columns={[
          { title: '活动名称', dataIndex: 'title', render: (t, a) => <Link to={`/activities/${a.id}`}>{t}</Link> },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '时间', dataIndex: 'startsAt', render: (v) => formatDateTime(v) },
          { title: '地点', dataIndex: 'place' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (_s, a) => <Tag color={activityState(a).color}>{activityState(a).label}</Tag>,
          },
          manage
            ? {
                title: '签到 / 名单',
                render: (_, a) => (
                  <>
                    {a.checkedIn} / {a.participants}
                    {a.outputsPending > 0 && (
                      <Tag color="#ad4e00" style={{ marginLeft: 8 }}>
                        {a.outputsPending} 项成果待确认
                      </Tag>
                    )}
                  </>
                ),
              }
            : {
                title: '我的状态',
                render: (_, a) =>
                  a.myCheckedInAt ? (
                    <Tag color="#237804">已签到</Tag>
                  ) : a.joined ? (
                    <Tag color="#0958d9">已报名</Tag>
                  ) : a.registration === 'open' ? (
                    <Tag>可报名</Tag>
                  ) : null,
              },
        ]}
      />
    </>
  );
}

export function ActivityFormPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [fileIds, setFileIds] = useState<number[]>([]);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, 'activity:new');
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number; invited: number }>('/api/activities', {
        kind: v.kind,
        title: v.title,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        place: v.place,
        description: v.description ?? '',
        registration: v.registration,
        capacity: v.capacity ?? null,
        fileIds,
        invite: v.invite?.rule ? v.invite : undefined,
      }),
    onSuccess: (r) => {
      message.success(r.invited ? `已创建，并通知 ${r.invited} 位委员` : '已创建');
      draft.clear();
      navigate(`/activities/${r.id}`);
    },
  });
  return (
    <>
      <PageHeader title="新建活动" back />
      <Card style={{ maxWidth: 760 }}>
        <ErrorAlert error={save.error} />
        {draft.notice}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'research', registration: 'invite' }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={draft.onValuesChange}
        >
          <Form.Item name="kind" label="活动类型" rules={[{ required: true }]}>
            <Select options={Object.entries(ACTIVITY_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="time" label="活动时间" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              placeholder={['开始时间', '结束时间']}
            />
          </Form.Item>
          <Form.Item name="place" label="活动地点" rules={[{ required: true, message: '请填写活动地点' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="description" label="活动内容">
            <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
          </Form.Item>
          <Form.Item name="registration" label="参加方式">
            <Radio.Group
              options={[
                { value: 'invite', label: '邀请参加' },
                { value: 'open', label: '委员自行报名' },
              ]}
            />
          </Form.Item>
          <Form.Item name="capacity" label="人数上限（可不填）">
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item label="附件">
            <Upload
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const f = await api.upload<{ id: number }>('/api/files', file as File);
                  setFileIds((x) => [...x, f.id]);
                  onSuccess?.(f);
                } catch (e) {
                  message.error((e as Error).message);
                  onError?.(e as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>上传附件</Button>
            </Upload>
          </Form.Item>
          <InviteFields required={false} />
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
            创建
          </Button>
        </Form>
      </Card>
    </>
  );
}

interface Detail {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description: string;
  registration: string;
  capacity: number | null;
  status: string;
  participants: number;
  checkedIn: number;
  mine: { source: string; checkedInAt: string | null } | null;
  files: { id: number; name: string }[];
}
interface Output {
  id: number;
  memberName: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  status: string;
  statusLabel: string;
  reviewComment: string | null;
  submittedAt: string;
  files: { id: number; name: string }[];
}

export function ActivityDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const manage = can('activity.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: a, error } = useQuery({
    queryKey: ['activity', id],
    queryFn: () => api.get<Detail>(`/api/activities/${id}`),
  });
  const outputs = useQuery({
    queryKey: ['activity-outputs', id],
    queryFn: () =>
      api.get<{ items: Output[]; total: number }>(`/api/activities/outputs${qs({ activityId: id, pageSize: 100 })}`),
  });
  const refresh = () => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('activit') });
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
            <Radio.Group options={Object.entries(OUTPUT_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="成果标题" rules={[{ required: true, message: '请填写成果标题' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="body" label="成果内容">
            <Input.TextArea rows={6} count={{ show: true, max: 20000 }} />
          </Form.Item>
          <Form.Item label="佐证材料（照片、文件）">
            <Upload
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const f = await api.upload<{ id: number }>('/api/files', file as File);
                  setFileIds((x) => [...x, f.id]);
                  onSuccess?.(f);
                } catch (e) {
                  message.error((e as Error).message);
                  onError?.(e as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>上传</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            提交
          </Button>
        </Form>
      </Modal>
    </>
  );
}

function ReturnButton({ item, onReturn }: { item: string; onReturn: (comment: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? item : null);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        退回
      </Button>
      <Modal title="退回成果" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {draft.notice}
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            await onReturn(v.comment);
            draft.clear();
            setOpen(false);
          }}
          onValuesChange={draft.onValuesChange}
        >
          <Form.Item name="comment" label="退回意见" rules={[{ required: true, message: '请填写退回意见' }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            退回
          </Button>
        </Form>
      </Modal>
    </>
  );
}

interface Participant {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  source: string;
  checkedInAt: string | null;
  outputs: number;
}

function Participants({ activity, onChange }: { activity: Detail; onChange: () => void }) {
  const [p, setP] = useListParams({ q: '' }, 50);
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: ['activity-participants', activity.id, p],
    queryFn: () =>
      api.get<{ items: Participant[]; total: number }>(`/api/activities/${activity.id}/participants${qs(p)}`),
  });
  const [inviting, setInviting] = useState(false);
  const act = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api.post(url, body),
    onSuccess: () => {
      setInviting(false);
      refetch();
      onChange();
    },
  });
  return (
    <Card
      title="参加人员"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {activity.status !== 'cancelled' && <Button onClick={() => setInviting(true)}>邀请委员</Button>}
          <ExportButton url={`/api/activities/${activity.id}/participants/export${qs({ q: p.q })}`} />
        </Space>
      }
    >
      <Input.Search
        aria-label="姓名或编号"
        placeholder="姓名或编号"
        allowClear
        defaultValue={p.q}
        onSearch={(q) => setP({ q })}
        style={{ maxWidth: 260, marginBottom: 12 }}
      />
      <ErrorAlert error={error ?? act.error} />
      <ResponsiveList<Participant>
        rowKey="memberId"
        data={data}
        loading={isFetching}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        columns={[
          { title: '编号', dataIndex: 'code' },
          { title: '姓名', dataIndex: 'name' },
          { title: '界别', dataIndex: 'sector' },
          { title: '方式', dataIndex: 'source', render: (s) => (s === 'invited' ? '邀请' : '报名') },
          { title: '签到', dataIndex: 'checkedInAt', render: (v) => (v ? formatDateTime(v) : <Tag>未签到</Tag>) },
          { title: '成果', dataIndex: 'outputs' },
          {
            title: '操作',
            render: (_, r) =>
              activity.status === 'cancelled' ? null : r.checkedInAt ? (
                <ConfirmButton
                  size="small"
                  danger
                  confirm={`撤销 ${r.name} 的签到？`}
                  detail="撤销后该委员本次活动的履职记录作废。"
                  onConfirm={() =>
                    act.mutateAsync({
                      url: `/api/activities/${activity.id}/attendance/${r.memberId}`,
                      body: { present: false },
                    })
                  }
                >
                  撤销签到
                </ConfirmButton>
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    act.mutate({
                      url: `/api/activities/${activity.id}/attendance/${r.memberId}`,
                      body: { present: true },
                    })
                  }
                >
                  标记签到
                </Button>
              ),
          },
        ]}
      />
      <Modal title="邀请委员" open={inviting} onCancel={() => setInviting(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          initialValues={{ invite: { rule: 'members' } }}
          onFinish={(v) => act.mutate({ url: `/api/activities/${activity.id}/invite`, body: v.invite })}
        >
          <InviteFields />
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            邀请并通知
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}

export function ActivityQrPage() {
  const { id } = useParams();
  usePageTitle('活动签到二维码');
  return <QrScreen codeUrl={`/api/activities/${id}/checkin-code`} backTo={`/activities/${id}`} />;
}
