// Staff's learning desk: materials (upload within the committee's limits, publish, withdraw), reflections waiting for
// review, and the year's completion by member, sector or special committee with its Excel.
import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Segmented, Select, Tabs, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { beijingYear } from '../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  PageHeader,
  ResponsiveList,
  useFormDraft,
  useListParams,
} from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';
import { learningKeys, type Material, type Paged, type Reflection } from './api.ts';

const KINDS = [
  { value: 'video', label: '视频（mp4、webm）' },
  { value: 'audio', label: '音频（mp3、m4a）' },
  { value: 'pdf', label: 'PDF' },
  { value: 'document', label: '文档（doc、docx、pdf）' },
];

function NewMaterial({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  // The description is a paragraph or two: kept on this device until the material is saved.
  const draft = useFormDraft(form, 'learning-material:new');
  const kind = Form.useWatch('kind', form) ?? 'video';
  const [file, setFile] = useState<{ id: number; name: string } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: any) => api.post<{ id: number }>('/api/learning/materials', { ...v, fileId: file?.id }),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      setFile(null);
      onDone();
    },
  });
  return (
    <Card title="新增学习资料" style={{ marginBottom: 16 }}>
      <ErrorAlert error={uploadError ?? create.error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'video' }}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label="资料名称" rules={[{ required: true, message: '请填写资料名称' }]}>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="kind" label="资料类型">
          <Select options={KINDS} size="large" onChange={() => setFile(null)} />
        </Form.Item>
        <Form.Item name="theme" label="学习主题">
          <Input size="large" />
        </Form.Item>
        <Form.Item name="description" label="资料简介" rules={[{ max: 5000, message: '「资料简介」不能超过 5000 字' }]}>
          <Input.TextArea rows={3} count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Form.Item name="durationSeconds" label="时长（秒，音视频可填）">
          <InputNumber min={1} max={86400} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="资料文件" required>
          <Upload
            showUploadList={false}
            customRequest={async ({ file: f }) => {
              setUploadError(null);
              try {
                setFile(
                  await api.upload<{ id: number; name: string }>(`/api/learning/uploads?kind=${kind}`, f as File),
                );
              } catch (e) {
                setUploadError(e);
              }
            }}
          >
            <Button icon={<UploadOutlined />} size="large">
              {file ? `已上传：${file.name}` : '选择文件上传'}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" disabled={!file} loading={create.isPending}>
          保存为草稿
        </Button>
      </Form>
    </Card>
  );
}

function MaterialsTab() {
  const [params, setParams] = useListParams({});
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const filters = { page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: learningKeys.materials({ ...filters, staff: true }),
    queryFn: () => api.get<Paged<Material>>(`/api/learning/materials${qs(filters)}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });
  const fire = useMutation({
    mutationFn: ({ id, action, comment }: { id: number; action: string; comment?: string }) =>
      api.post(`/api/learning/materials/${id}/actions`, { action, comment }),
    onSuccess: () => {
      message.success('已完成');
      refresh();
    },
  });
  return (
    <>
      <NewMaterial onDone={refresh} />
      <ErrorAlert error={error ?? fire.error} />
      <ResponsiveList<Material>
        unit="份"
        locale={{ emptyText: '还没有学习资料，可在上方新增' }}
        data={data}
        loading={isFetching}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        columns={[
          {
            title: '资料',
            dataIndex: 'title',
            render: (t: string, m) => <Link to={`/learning/materials/${m.id}`}>{t}</Link>,
          },
          { title: '类型', dataIndex: 'kindLabel' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (s: string, m) => <Tag color={m.state === 'published' ? TAG.green : 'default'}>{s}</Tag>,
          },
          { title: '已学完人数', dataIndex: 'finishedCount' },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, m) =>
              m.state === 'published' ? (
                <Button onClick={() => fire.mutate({ id: m.id, action: 'withdraw', comment: '工作人员撤回' })}>
                  撤回
                </Button>
              ) : (
                <Button type="primary" onClick={() => fire.mutate({ id: m.id, action: 'publish' })}>
                  发布
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

function ReviewTab() {
  const [params, setParams] = useListParams({ state: 'submitted' });
  const filters = { state: params.state || undefined, page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: learningKeys.reflections(filters),
    queryFn: () => api.get<Paged<Reflection>>(`/api/learning/reflections${qs(filters)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          aria-label="按状态查看心得"
          value={params.state}
          onChange={(v) => setParams({ state: String(v), page: 1 })}
          options={[
            { value: 'submitted', label: '待审核' },
            { value: 'accepted', label: '已通过' },
            { value: 'returned', label: '退回修改' },
            { value: '', label: '全部' },
          ]}
        />
      </div>
      <ErrorAlert error={error} />
      <ResponsiveList<Reflection>
        unit="篇"
        locale={{ emptyText: '没有这一状态的心得' }}
        data={data}
        loading={isFetching}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        columns={[
          {
            title: '心得',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/learning/reflections/${r.id}`}>{t}</Link>,
          },
          { title: '委员', dataIndex: 'memberName' },
          { title: '学习内容', key: 'on', render: (_: unknown, r) => r.materialTitle ?? r.classTitle ?? '—' },
          { title: '状态', dataIndex: 'stateLabel' },
        ]}
      />
    </>
  );
}

interface CompletionRow {
  id: number;
  name: string;
  members: number;
  materialsFinished: number;
  completionRate: number;
  sessionsAttended: number;
  reflectionsSubmitted: number;
  reflectionsAccepted: number;
}

function CompletionTab() {
  const [year, setYear] = useState(beijingYear());
  const [by, setBy] = useState<'member' | 'sector' | 'specialCommittee'>('sector');
  // By member the list holds every member of the term: staff look one up by name and page through the rest here.
  const [name, setName] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, error, isFetching } = useQuery({
    queryKey: ['learning', 'completion', year, by],
    queryFn: () =>
      api.get<{ materials: number; items: CompletionRow[] }>(`/api/learning/completion${qs({ year, by })}`),
  });
  const rows = (data?.items ?? []).filter((r) => by !== 'member' || r.name.includes(name.trim()));
  const paged = by === 'member' ? page : { page: 1, pageSize: Math.max(10, rows.length) };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Segmented
          aria-label="统计维度"
          value={by}
          onChange={(v) => {
            setBy(v as typeof by);
            setPage({ page: 1, pageSize: 20 });
          }}
          options={[
            { value: 'sector', label: '按界别' },
            { value: 'specialCommittee', label: '按专委会' },
            { value: 'member', label: '按委员' },
          ]}
        />
        {by === 'member' && (
          <Input.Search
            aria-label="查找委员"
            placeholder="查找委员"
            allowClear
            style={{ width: 200 }}
            onSearch={(v) => {
              setName(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
        )}
        <ExportButton url={`/api/learning/completion/export${qs({ year, by })}`}>导出 Excel</ExportButton>
      </Flex>
      <ErrorAlert error={error} />
      <ResponsiveList<CompletionRow>
        unit={by === 'member' ? '人' : '个'}
        locale={{ emptyText: name && by === 'member' ? `没有姓名含「${name}」的委员` : `${year}年暂无学习记录` }}
        data={
          data
            ? { items: rows.slice((paged.page - 1) * paged.pageSize, paged.page * paged.pageSize), total: rows.length }
            : undefined
        }
        loading={isFetching}
        page={paged.page}
        pageSize={paged.pageSize}
        onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
        columns={[
          { title: by === 'member' ? '委员' : by === 'sector' ? '界别' : '专委会', dataIndex: 'name' },
          ...(by === 'member' ? [] : [{ title: '人数', dataIndex: 'members' }]),
          { title: '学完资料', dataIndex: 'materialsFinished' },
          {
            title: `完成率（共${data?.materials ?? 0}份）`,
            dataIndex: 'completionRate',
            render: (v: number) => `${v}%`,
          },
          { title: '培训课次', dataIndex: 'sessionsAttended' },
          { title: '心得提交', dataIndex: 'reflectionsSubmitted' },
          { title: '心得通过', dataIndex: 'reflectionsAccepted' },
        ]}
      />
    </>
  );
}

export function ManagePage() {
  return (
    <>
      <PageHeader title="学习管理" description="学习资料发布、心得审核和学习完成情况。" />
      <Tabs
        items={[
          { key: 'materials', label: '学习资料', children: <MaterialsTab /> },
          { key: 'review', label: '心得审核', children: <ReviewTab /> },
          { key: 'completion', label: '完成情况', children: <CompletionTab /> },
        ]}
      />
    </>
  );
}
