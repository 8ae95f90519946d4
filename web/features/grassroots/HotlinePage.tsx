// 12345 热线诉求: a month's recurring matters (area, subject, number of cases, the cases) that staff or a room's convener
// take up as a room topic (每月一题), and the case list marked 未立题 / 已立题 / 已解决; staff import the hotline's export.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, FilterBar, PageHeader, ResponsiveList, useListParams } from '../../components/index.ts';
import { HotlineImport } from './HotlineImport.tsx';
import type { HotlineCase, RecurringMatter } from './hotline-types.ts';
import type { Room } from './types.ts';

const MARK_COLOURS = { open: 'default', takenUp: 'blue', resolved: 'green' } as const;
const MarkTag = ({ c }: { c: HotlineCase }) => <Tag color={MARK_COLOURS[c.mark]}>{c.markLabel}</Tag>;

function CaseLine({ c }: { c: HotlineCase }) {
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Space wrap size={4}>
        <Typography.Text strong>{c.caseNo}</Typography.Text>
        <span>{c.receivedOn}</span>
        {c.category && <Tag>{c.category}</Tag>}
        <MarkTag c={c} />
        {c.status && <span>办理状态：{c.status}</span>}
      </Space>
      <div>{c.content}</div>
      {c.topicId && c.roomId && (
        <div>
          议题：<Link to={`/grassroots/rooms/${c.roomId}`}>{c.topicTitle}</Link>（{c.roomName}）
        </div>
      )}
    </div>
  );
}

/** 立为议事室议题: the room (staff any; a convener their own) and the topic's title, the cases linked. */
function TakeUp({ matter, onClose }: { matter: RecurringMatter | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const rooms = useQuery({
    queryKey: ['grassroots', 'rooms', 'pick', matter?.area],
    enabled: !!matter,
    meta: { background: true },
    queryFn: () => api.get<{ items: Room[] }>(`/api/grassroots/rooms${qs({ active: 'true', pageSize: 200 })}`),
  });
  const save = useMutation({
    mutationFn: (v: { roomId: number; title: string }) =>
      api.post<{ id: number }>('/api/grassroots/hotline/take-up', { ...v, caseNos: matter?.caseNos ?? [] }),
    onSuccess: () => {
      message.success('已立为议事室议题');
      qc.invalidateQueries({ queryKey: ['grassroots'] });
      onClose();
    },
  });
  // Rooms in the matter's area first: that is where it is usually taken up.
  const options = [...(rooms.data?.items ?? [])]
    .sort((a, b) => Number(b.township === matter?.area) - Number(a.township === matter?.area))
    .map((r) => ({ value: r.id, label: r.name }));
  return (
    <Modal
      title="立为议事室议题（每月一题）"
      open={!!matter}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="立为议题"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {matter && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: matter.suggestedTitle }}
          onFinish={(v) => save.mutate(v)}
        >
          <Typography.Paragraph>
            关联工单 {matter.count} 件：{matter.caseNos.join('、')}
          </Typography.Paragraph>
          <Form.Item name="roomId" label="协商议事室" rules={[{ required: true, message: '请选择协商议事室' }]}>
            <Select showSearch optionFilterProp="label" options={options} placeholder="选择议事室" />
          </Form.Item>
          <Form.Item
            name="title"
            label="议题"
            rules={[
              { required: true, message: '请填写议题' },
              { max: 100, message: '「议题」不能超过 100 个字' },
            ]}
          >
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <ErrorAlert error={save.error} />
        </Form>
      )}
    </Modal>
  );
}

function Matters({ month, canTakeUp }: { month: string; canTakeUp: boolean }) {
  const [taking, setTaking] = useState<RecurringMatter | null>(null);
  const matters = useQuery({
    queryKey: ['grassroots', 'hotline', 'matters', month],
    queryFn: () =>
      api.get<{ cases: number; matters: RecurringMatter[] }>(`/api/grassroots/hotline/matters${qs({ month })}`),
  });
  return (
    <>
      <ErrorAlert error={matters.error} />
      {matters.data && (
        <Typography.Paragraph>
          {month.replace('-', ' 年 ')} 月共 {matters.data.cases} 件工单，反复出现的诉求 {matters.data.matters.length}{' '}
          项。
        </Typography.Paragraph>
      )}
      <List
        loading={matters.isLoading}
        dataSource={matters.data?.matters ?? []}
        locale={{ emptyText: <Typography.Text>本月没有反复出现的诉求</Typography.Text> }}
        renderItem={(m) => (
          <List.Item>
            <Card
              style={{ width: '100%' }}
              title={
                <Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0, whiteSpace: 'normal' }}>
                  {m.area}：{m.subject}
                </Typography.Title>
              }
            >
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag color="red">{m.count} 件</Tag>
                {m.category && <Tag>{m.category}</Tag>}
                {m.takenUp > 0 && <Tag color="blue">已立题 {m.takenUp} 件</Tag>}
                {canTakeUp && m.takenUp < m.count && (
                  <Button type="primary" onClick={() => setTaking(m)}>
                    立为议题
                  </Button>
                )}
              </Space>
              <List
                size="small"
                dataSource={m.cases}
                renderItem={(c) => (
                  <List.Item>
                    <CaseLine c={c} />
                  </List.Item>
                )}
              />
            </Card>
          </List.Item>
        )}
      />
      <TakeUp matter={taking} onClose={() => setTaking(null)} />
    </>
  );
}

function Cases({ month }: { month: string }) {
  const [params, setParams] = useListParams({ q: '', mark: '' });
  const list = useQuery({
    queryKey: ['grassroots', 'hotline', 'cases', month, params],
    queryFn: () =>
      api.get<{ items: HotlineCase[]; total: number }>(
        `/api/grassroots/hotline/cases${qs({ ...params, month, q: params.q || undefined, mark: params.mark || undefined })}`,
      ),
  });
  return (
    <>
      <FilterBar
        active={params.mark ? 1 : 0}
        search={
          <Input.Search
            aria-label="搜索工单"
            placeholder="工单编号、诉求内容"
            allowClear
            defaultValue={params.q}
            onSearch={(q) => setParams({ q })}
          />
        }
      >
        <Select
          aria-label="立题情况"
          value={params.mark}
          onChange={(mark) => setParams({ mark })}
          style={{ width: 140 }}
          options={[
            { value: '', label: '全部' },
            { value: 'open', label: '未立题' },
            { value: 'takenUp', label: '已立题' },
            { value: 'resolved', label: '已解决' },
          ]}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<HotlineCase>
        data={list.data}
        loading={list.isLoading}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        unit="件"
        rowKey="id"
        card={(c) => <CaseLine c={c} />}
        columns={[
          { title: '工单编号', dataIndex: 'caseNo' },
          { title: '受理日期', dataIndex: 'receivedOn' },
          { title: '区域/街道', dataIndex: 'area' },
          { title: '类别', dataIndex: 'category' },
          { title: '诉求内容', dataIndex: 'content', width: 360 },
          { title: '办理状态', dataIndex: 'status' },
          { title: '立题情况', dataIndex: 'mark', render: (_, c) => <MarkTag c={c} /> },
          { title: '议题', dataIndex: 'topicTitle', render: (v, c) => (v ? `${v}（${c.roomName}）` : '') },
        ]}
      />
    </>
  );
}

export function HotlinePage() {
  const { can, me } = useSession();
  const [params, setParams] = useListParams({ month: '', tab: 'matters' });
  const [importing, setImporting] = useState(false);
  // Without a month chosen, the month of the latest case received.
  const latest = useQuery({
    queryKey: ['grassroots', 'hotline', 'latest'],
    enabled: !params.month,
    queryFn: () => api.get<{ items: HotlineCase[] }>('/api/grassroots/hotline/cases?pageSize=1'),
  });
  const month = params.month || latest.data?.items[0]?.receivedOn.slice(0, 7) || dayjs().format('YYYY-MM');
  const manage = can('grassroots.manage');
  return (
    <>
      <PageHeader
        title="12345 热线诉求"
        description="按区域和诉求归并反复出现的热线工单，每月选一项交协商议事室协商（每月一题）。"
        extra={
          manage && (
            <Button type="primary" onClick={() => setImporting(true)}>
              导入工单
            </Button>
          )
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="hotline-month">月份</label>
        <DatePicker
          id="hotline-month"
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })}
        />
      </Flex>
      {(params.month || !latest.isLoading) && (
        <Tabs
          activeKey={params.tab}
          onChange={(tab) => setParams({ tab })}
          items={[
            {
              key: 'matters',
              label: '反复出现的诉求',
              children: <Matters month={month} canTakeUp={manage || !!me?.account.memberId} />,
            },
            { key: 'cases', label: '工单列表', children: <Cases month={month} /> },
          ]}
        />
      )}
      <HotlineImport open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
