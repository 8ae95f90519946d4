// 协商活动: the list (members see upcoming consultations first, as cards on a phone; staff create events). One
// event's page is EventDetailPage.tsx, the figures FiguresPage.tsx.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { EventListItem } from '../../../../server/modules/consultations/event-repository.ts';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import {
  choices,
  countActive,
  ErrorAlert,
  ExportButton,
  FilterBar,
  PageHeader,
  useListParams,
} from '../../../components/index.ts';
import { STATE_COLORS, SUPERVISION_FORMS } from '../api.ts';
import { consultationKeys, useKindOptions } from '../queries.ts';

export function EventsPage() {
  const { can } = useSession();
  const office = can('consultation.manage');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const kinds = useKindOptions();
  const [open, setOpen] = useState(false);
  const [p, setP] = useListParams({ view: office ? 'all' : 'upcoming', state: '', kind: '' });
  const { data, error } = useQuery({
    queryKey: consultationKeys.eventList(p),
    queryFn: () =>
      api.get<{ items: EventListItem[]; total: number }>(
        `/api/consultations/events${qs({ upcoming: p.view === 'upcoming' || undefined, state: p.state, kind: p.kind, pageSize: 50 })}`,
      ),
  });
  const create = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number }>('/api/consultations/events', {
        ...v,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        time: undefined,
      }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: consultationKeys.events });
      navigate(`/consultations/events/${r.id}`);
    },
  });
  return (
    <>
      <PageHeader
        title="协商活动"
        description={
          office
            ? '筹备、通知、举行、纪要：协商和民主监督活动的全过程。'
            : '即将举行的协商活动：报名发言、提交发言稿、查看会议材料。'
        }
        extra={
          office && (
            <Space wrap>
              <ExportButton
                url={`/api/consultations/events.xlsx${qs({ upcoming: p.view === 'upcoming' || undefined, state: p.state, kind: p.kind })}`}
              />
              <Button type="primary" onClick={() => setOpen(true)}>
                新建协商活动
              </Button>
            </Space>
          )
        }
      />
      <FilterBar
        active={countActive(p.kind)}
        search={
          <Segmented
            aria-label="范围"
            value={p.view}
            onChange={(view) => setP({ view: String(view) })}
            options={[
              { value: 'upcoming', label: '即将举行' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      >
        <Select
          aria-label="协商类型"
          style={{ width: 200 }}
          value={p.kind}
          onChange={(kind) => setP({ kind })}
          options={[{ value: '', label: '全部类型' }, ...kinds]}
        />
      </FilterBar>
      <ErrorAlert error={error} />
      <Flex vertical gap={12}>
        {(data?.items ?? []).map((e) => (
          <Link key={e.id} to={`/consultations/events/${e.id}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {e.title}
              </Typography.Title>
              <Space wrap style={{ margin: '6px 0' }}>
                <Tag>{e.kindLabel}</Tag>
                <Tag color={STATE_COLORS[e.state]}>{e.stateLabel}</Tag>
                {e.mine && <Tag color="#237804">我参加</Tag>}
              </Space>
              <div>{e.startsAt ? formatDateTime(e.startsAt) : e.heldOn}</div>
              <div>{e.place}</div>
            </Card>
          </Link>
        ))}
        {data && !data.items.length && <Typography.Paragraph>暂无协商活动</Typography.Paragraph>}
      </Flex>
      <Modal title="新建协商活动" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <ErrorAlert error={create.error} />
        <Form layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: 'thematic' }}>
          <Form.Item name="kind" label="协商类型" rules={[{ required: true }]}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="time" label="会议时间" rules={[{ required: true, message: '请选择会议时间' }]}>
            <DatePicker.RangePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="counterpartBody" label="对口部门">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="supervisedBody" label="监督对象（民主监督活动）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="supervisionForm" label="监督形式（民主监督活动）">
            <Select allowClear options={choices(SUPERVISION_FORMS)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            创建
          </Button>
        </Form>
      </Modal>
    </>
  );
}
