// 联系工作 for staff: every relationship (overdue first, filter by scheme or overdue only), new relationships and
// contact points, and coverage per owner, special committee or sector.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../api/client.ts';
import { ErrorAlert, FilterBar, PageHeader, ResponsiveList, useListParams } from '../../components/index.ts';
import { MemberSelect, useReference } from '../meetings/shared.tsx';
import type { Link } from './MyContactsPage.tsx';

const SCHEMES: Record<string, string> = {
  leaderMember: '领导联系委员',
  committeeSector: '专委会联系界别委员',
  partyNonParty: '党员委员联系党外委员',
  memberPublic: '委员联系群众（网格联络点）',
};
const BY = { owner: '按联系人', specialCommittee: '按专委会', sector: '按界别' };

export function LiaisonPage() {
  const [params, setParams] = useListParams({ scheme: '', overdue: '', by: 'owner' });
  const links = useQuery({
    queryKey: ['liaison', 'links', params.scheme, params.overdue],
    queryFn: () =>
      api.get<{ items: Link[]; total: number }>(
        `/api/liaison/links${qs({ scheme: params.scheme || undefined, overdue: params.overdue === '1' || undefined })}`,
      ),
  });
  const coverage = useQuery({
    queryKey: ['liaison', 'coverage', params.by],
    queryFn: () =>
      api.get<{ items: { name: string; links: number; inTime: number; coverage: number }[] }>(
        `/api/liaison/coverage?by=${params.by}`,
      ),
  });
  const [adding, setAdding] = useState<'link' | 'point' | null>(null);
  return (
    <>
      <PageHeader
        title="联系工作"
        description="领导联系委员、专委会联系界别委员、党员委员联系党外委员、委员联系群众。"
        extra={
          <>
            <Button onClick={() => setAdding('point')} style={{ marginRight: 8 }}>
              新增联络点
            </Button>
            <Button type="primary" onClick={() => setAdding('link')}>
              新增联系关系
            </Button>
          </>
        }
      />
      <FilterBar active={(params.scheme ? 1 : 0) + (params.overdue ? 1 : 0)}>
        <Select
          aria-label="联系制度"
          allowClear
          placeholder="联系制度"
          style={{ minWidth: 200 }}
          value={params.scheme || undefined}
          onChange={(scheme) => setParams({ scheme: scheme ?? '' })}
          options={Object.entries(SCHEMES).map(([value, label]) => ({ value, label }))}
        />
        <span>
          只看超期{' '}
          <Switch
            aria-label="只看超期"
            checked={params.overdue === '1'}
            onChange={(v) => setParams({ overdue: v ? '1' : '' })}
          />
        </span>
      </FilterBar>
      <ErrorAlert error={links.error ?? coverage.error} />
      <ResponsiveList<Link>
        rowKey="id"
        data={links.data}
        loading={links.isLoading}
        page={1}
        pageSize={500}
        onPageChange={() => {}}
        unit="个"
        columns={[
          { title: '联系人', dataIndex: 'owner' },
          { title: '联系对象', dataIndex: 'target' },
          { title: '联系制度', dataIndex: 'schemeLabel' },
          { title: '频次（天）', dataIndex: 'frequencyDays' },
          { title: '上次联系', dataIndex: 'lastContactedOn', render: (d) => d ?? '尚未联系' },
          {
            title: '应联系日期',
            dataIndex: 'dueOn',
            render: (d, r) => (r.overdue ? <Tag color="red">{d} 已超期</Tag> : d),
          },
        ]}
      />
      <Card
        title="联系覆盖率"
        style={{ marginTop: 16 }}
        extra={
          <Select
            aria-label="统计口径"
            value={params.by}
            onChange={(by) => setParams({ by })}
            options={Object.entries(BY).map(([value, label]) => ({ value, label }))}
          />
        }
      >
        <ResponsiveList
          rowKey="name"
          data={coverage.data ? { items: coverage.data.items, total: coverage.data.items.length } : undefined}
          page={1}
          pageSize={500}
          onPageChange={() => {}}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '联系关系', dataIndex: 'links' },
            { title: '按期联系', dataIndex: 'inTime' },
            { title: '覆盖率', dataIndex: 'coverage', render: (v) => `${v}%` },
          ]}
        />
      </Card>
      <NewLink open={adding === 'link'} onClose={() => setAdding(null)} />
      <NewPoint open={adding === 'point'} onClose={() => setAdding(null)} />
    </>
  );
}

function NewLink({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const ref = useReference();
  const points = useQuery({
    queryKey: ['liaison', 'points'],
    enabled: open,
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/liaison/points'),
  });
  const scheme = Form.useWatch('scheme', form);
  const save = useMutation({
    mutationFn: (v: any) => api.post('/api/liaison/links', v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['liaison'] });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title="新增联系关系" footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={save.mutate}>
        <Form.Item name="scheme" label="联系制度" rules={[{ required: true, message: '请选择联系制度' }]}>
          <Select options={Object.entries(SCHEMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {scheme === 'committeeSector' ? (
          <Form.Item
            name="ownerSpecialCommitteeId"
            label="联系专委会"
            rules={[{ required: true, message: '请选择专委会' }]}
          >
            <Select options={ref.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="ownerMemberId" label="联系人（委员）" rules={[{ required: true, message: '请选择联系人' }]}>
            <MemberSelect />
          </Form.Item>
        )}
        {scheme === 'memberPublic' ? (
          <Form.Item name="contactPointId" label="联络点" rules={[{ required: true, message: '请选择联络点' }]}>
            <Select options={points.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="memberId" label="联系委员" rules={[{ required: true, message: '请选择联系委员' }]}>
            <MemberSelect />
          </Form.Item>
        )}
        <Form.Item name="frequencyDays" label="联系频次（天，不填按委员会设置）">
          <InputNumber min={1} max={3660} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

function NewPoint({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: any) => api.post('/api/liaison/points', v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['liaison', 'points'] });
      onClose();
    },
  });
  return (
    <Modal open={open} title="新增联络点" footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form layout="vertical" onFinish={save.mutate}>
        <Form.Item name="name" label="联络点名称" rules={[{ required: true, message: '请填写联络点名称' }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="area" label="所在区域">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
