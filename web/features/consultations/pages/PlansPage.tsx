// 年度协商计划: the list of plans; staff open a topic collection for a year.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PlanListRow } from '../../../../server/modules/consultations/plan-service.ts';
import { api } from '../../../api/client.ts';
import { beijingYear, toApiDate } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { consultationKeys } from '../queries.ts';

type PlanRow = PlanListRow;

export function PlansPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const { data, error } = useQuery({
    queryKey: consultationKeys.plans,
    queryFn: () => api.get<{ items: PlanRow[] }>('/api/consultations/plans'),
  });
  const create = useMutation({
    mutationFn: (v: any) => api.post('/api/consultations/plans', { ...v, collectUntil: toApiDate(v.collectUntil) }),
    onSuccess: () => {
      setOpen(false);
      qc.invalidateQueries({ queryKey: consultationKeys.plans });
    },
  });
  return (
    <>
      <PageHeader
        title="协商计划"
        description="年度协商计划和民主监督计划：征集议题、起草、审议批准、发布和调整。"
        extra={
          can('consultation.manage') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              开始征集议题
            </Button>
          )
        }
      />
      <ErrorAlert error={error} />
      <Flex vertical gap={12}>
        {(data?.items ?? []).map((p) => (
          <Link key={p.id} to={`/consultations/plans/${p.id}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {p.year}年{p.title}
              </Typography.Title>
              <Space wrap style={{ marginTop: 6 }}>
                <Tag>{p.kindLabel}</Tag>
                <Tag color="blue">{p.stateLabel}</Tag>
                {p.version > 1 && <Tag>第{p.version}版</Tag>}
                <span>项目 {p.items} 项</span>
                <span>征集截止 {p.collectUntil}</span>
                {p.unanswered > 0 && <Tag color="#ad4e00">{p.unanswered} 条议题建议待答复</Tag>}
              </Space>
            </Card>
          </Link>
        ))}
        {data && !data.items.length && <Typography.Paragraph>暂无计划</Typography.Paragraph>}
      </Flex>
      <Modal title="开始征集议题" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <ErrorAlert error={create.error} />
        <Form
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ kind: 'consultation', year: beijingYear() + 1 }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="kind" label="计划类型" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'consultation', label: '年度协商计划' },
                { value: 'supervision', label: '年度民主监督计划' },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label="计划标题" rules={[{ required: true, message: '请填写计划标题' }]}>
            <Input placeholder="协商工作计划" />
          </Form.Item>
          <Form.Item
            name="collectUntil"
            label="征集截止日期"
            rules={[{ required: true, message: '请选择征集截止日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            开始征集
          </Button>
        </Form>
      </Modal>
    </>
  );
}
