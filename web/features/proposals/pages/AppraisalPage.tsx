// 民主评议: the handling units' appraisal scores by dimension and their grades for a year.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  errorMessage,
  PageHeader,
  useFormDraft,
  useListParams,
  validValues,
} from '../../../components/index.ts';
import { TAG } from '../api.ts';
import { YearFilter } from '../components/YearFilter.tsx';
import { percentOrDash } from '../percent.ts';
import { proposalKeys } from '../queries.ts';

export interface Appraisal {
  dimensions: { key: string; label: string; max: number }[];
  grades: { min: number; label: string }[];
  items: {
    unitId: number;
    name: string;
    assigned: number;
    replied: number;
    onTimeRate: number | null;
    satisfiedRate: number | null;
    overdue: number;
    /** 随手拍 dispatched to the unit in the year and answered on time (supervision's count). */
    snapshots: { dispatched: number; answered: number; answeredOnTime: number; overdue: number; rate: number | null };
    scores: Record<string, number> | null;
    total: number | null;
    grade: string | null;
    comment: string;
  }[];
}

export function AppraisalPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Appraisal['items'][number] | null>(null);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, editing ? `proposal-appraisal:${params.year}:${editing.unitId}` : null);
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.appraisalsOf(params.year),
    queryFn: () => api.get<Appraisal>(`/api/proposals/appraisals${qs({ year: params.year })}`),
  });
  const save = async () => {
    const v = await validValues(form);
    if (!v || !editing) return;
    try {
      const { comment, ...scores } = v;
      const res = await api.put<{ total: number; grade: string }>('/api/proposals/appraisals', {
        year: Number(params.year),
        unitId: editing.unitId,
        scores,
        comment,
      });
      message.success(`已保存：${res.total} 分，${res.grade}`);
      draft.clear();
      setEditing(null);
      await client.invalidateQueries({ queryKey: proposalKeys.appraisals });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader
        title="民主评议"
        description={`评议承办单位的组织领导、工作机制、沟通联系、办理成效和答复质量，满分 100 分（${(
          data?.grades ?? []
        )
          .map((g) => `${g.label} ≥ ${g.min}`)
          .join('，')}）。`}
        extra={<ExportButton url={`/api/proposals/appraisals.xlsx${qs({ year: params.year })}`} />}
      />
      <YearFilter year={params.year} onChange={(year) => setParams({ year })} />
      <ErrorAlert error={error} />
      <Table
        rowKey="unitId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '承办单位', dataIndex: 'name' },
          { title: '交办', dataIndex: 'assigned' },
          { title: '按期答复率', dataIndex: 'onTimeRate', render: percentOrDash },
          { title: '满意率', dataIndex: 'satisfiedRate', render: percentOrDash },
          {
            title: '随手拍按时答复',
            key: 'snapshots',
            render: (_: unknown, r: Appraisal['items'][number]) =>
              r.snapshots.dispatched
                ? `${r.snapshots.answeredOnTime}/${r.snapshots.dispatched}（${percentOrDash(r.snapshots.rate)}）${r.snapshots.overdue ? `，超期${r.snapshots.overdue}` : ''}`
                : '—',
          },
          { title: '总分', dataIndex: 'total', render: (v: number | null) => v ?? '未评' },
          {
            title: '等次',
            dataIndex: 'grade',
            render: (v: string | null) => (v ? <Tag color={TAG.blue}>{v}</Tag> : '—'),
          },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r) => (
              <Button
                onClick={() => {
                  form.setFieldsValue({ ...(r.scores ?? {}), comment: r.comment });
                  setEditing(r);
                }}
              >
                评分
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={`${editing?.name ?? ''} · ${params.year} 年评议`}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        {draft.notice}
        <Form form={form} layout="vertical" size="large" preserve={false} onValuesChange={draft.onValuesChange}>
          {(data?.dimensions ?? []).map((d) => (
            <Form.Item
              key={d.key}
              name={d.key}
              label={`${d.label}（满分 ${d.max}）`}
              rules={[{ required: true, message: `请填写${d.label}得分` }]}
            >
              <InputNumber min={0} max={d.max} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label="评语">
            <Input.TextArea count={{ show: true, max: 2000 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
