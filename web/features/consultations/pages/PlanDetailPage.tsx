// One plan's page — items, approval buttons (with date and 文号 for the step that records them), versions, Excel/Word,
// the topic suggestions with answers for the office, and the suggestion form for members, parties and organisations,
// units and special committees.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { toApiDate } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { choices, ErrorAlert, ExportButton, PageHeader } from '../../../components/index.ts';
import { type PlanDetail, SUPERVISION_FORMS } from '../api.ts';
import { TopicsCard } from '../components/TopicsCard.tsx';
import { consultationKeys, useKindOptions } from '../queries.ts';

export function PlanDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [acting, setActing] = useState<{ action: string; label: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const kinds = useKindOptions();
  const { data: p, error } = useQuery({
    queryKey: consultationKeys.plan(id),
    queryFn: () => api.get<PlanDetail>(`/api/consultations/plans/${id}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: consultationKeys.all });
  const act = useMutation({
    mutationFn: (v: any) =>
      api.post(`/api/consultations/plans/${id}/actions`, { ...v, action: acting?.action, date: toApiDate(v.date) }),
    onSuccess: () => {
      message.success(`已${acting?.label}`);
      setActing(null);
      refresh();
    },
  });
  const add = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/plans/${id}/items`, v),
    onSuccess: () => {
      setAdding(false);
      refresh();
    },
  });
  if (error) return <ErrorAlert error={error} />;
  if (!p) return null;
  const supervision = p.kind === 'supervision';
  const needsDoc = acting?.action === 'approve' && p.currentStep?.recordsDocument;
  return (
    <>
      <PageHeader
        title={`${p.year}年${p.title}`}
        back="/consultations/plans"
        extra={
          <>
            {p.actions.map((a) => (
              <Button key={a.action} type={a.action === 'approve' ? 'primary' : 'default'} onClick={() => setActing(a)}>
                {a.action === 'approve' && p.currentStep ? `${p.currentStep.label}通过` : a.label}
              </Button>
            ))}
            {can('consultation.read') && (
              <ExportButton url={`/api/consultations/plans/${p.id}/items.xlsx`}>导出 Excel</ExportButton>
            )}
            {can('consultation.read') && (
              <ExportButton url={`/api/consultations/plans/${p.id}/plan.docx`}>导出 Word</ExportButton>
            )}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{p.stateLabel}</Tag>
        {p.version > 1 && <Tag>第{p.version}版</Tag>}
        {p.documentNumber && <span>文号：{p.documentNumber}</span>}
        {p.approvedOn && <span>批准日期：{p.approvedOn}</span>}
        <span>议题征集截止：{p.collectUntil}</span>
      </Space>
      <Card
        title="计划项目"
        style={{ marginBottom: 16 }}
        extra={
          p.state === 'draft' && can('consultation.manage') && <Button onClick={() => setAdding(true)}>添加项目</Button>
        }
      >
        {p.items.map((i, n) => (
          <div key={i.id} style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
            <Typography.Text strong>
              {n + 1}. {i.topic}
            </Typography.Text>
            <div>
              <Tag>{i.kindLabel}</Tag>
              {i.carriedOut ? <Tag color="#237804">已开展</Tag> : <Tag>未开展</Tag>}
              {i.plannedMonth ? `${i.plannedMonth}月` : ''}
            </div>
            <div>
              {[
                i.leadSpecialCommitteeName,
                i.leadingLeader && `牵头领导：${i.leadingLeader}`,
                i.counterpartBody && `对口部门：${i.counterpartBody}`,
              ]
                .filter(Boolean)
                .join('　')}
            </div>
            {supervision && i.supervisedBody && (
              <div>
                监督对象：{i.supervisedBody}（{i.supervisionFormLabel}）
              </div>
            )}
          </div>
        ))}
        {!p.items.length && (
          <Typography.Paragraph>
            {p.state === 'published' || can('consultation.manage') ? '暂无项目' : '计划发布后可查看项目'}
          </Typography.Paragraph>
        )}
      </Card>
      {p.versions.length > 0 && (
        <Card title="版本" style={{ marginBottom: 16 }}>
          {p.versions.map((v) => (
            <div key={v.version}>
              第{v.version}版　{v.documentNumber ?? ''}　{v.approvedOn ?? ''}　{v.items} 项
            </div>
          ))}
        </Card>
      )}
      <TopicsCard plan={p} />
      <Modal title={acting?.label} open={!!acting} onCancel={() => setActing(null)} footer={null} destroyOnHidden>
        <ErrorAlert error={act.error} />
        <Form layout="vertical" onFinish={(v) => act.mutate(v)}>
          {needsDoc && (
            <>
              <Form.Item name="date" label="批准日期" rules={[{ required: true, message: '请选择批准日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="documentNumber" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
                <Input placeholder="如 示委办〔2026〕3号" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="comment"
            label="意见"
            rules={[{ required: !!(acting as any)?.commentRequired, message: '请填写意见' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            确定
          </Button>
        </Form>
      </Modal>
      <Modal title="添加计划项目" open={adding} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <ErrorAlert error={add.error} />
        <Form
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          initialValues={{ kind: supervision ? 'inspection' : 'thematic', form: 'meeting' }}
        >
          <Form.Item name="topic" label="议题" rules={[{ required: true, message: '请填写议题' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="协商类型">
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="leadingLeader" label="牵头领导">
            <Input />
          </Form.Item>
          <Form.Item name="counterpartBody" label="对口部门">
            <Input />
          </Form.Item>
          {supervision && (
            <>
              <Form.Item name="supervisedBody" label="监督对象">
                <Input />
              </Form.Item>
              <Form.Item name="supervisionForm" label="监督形式">
                <Select options={choices(SUPERVISION_FORMS)} />
              </Form.Item>
            </>
          )}
          <Form.Item name="plannedMonth" label="计划月份">
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            添加
          </Button>
        </Form>
      </Modal>
    </>
  );
}
