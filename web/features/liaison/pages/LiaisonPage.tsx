// 联系工作 for staff: every relationship (overdue first, filter by scheme or overdue only), new relationships and
// contact points, and coverage per owner, special committee or sector.

import { Button, Card, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import {
  choices,
  ErrorAlert,
  FilterBar,
  onePageProps,
  PageHeader,
  ParamSelect,
  ResponsiveList,
  textColumns,
  useListParams,
} from '../../../components/index.ts';
import { type Link, SCHEMES } from '../api.ts';
import { NewLinkDialog } from '../components/NewLinkDialog.tsx';
import { NewPointDialog } from '../components/NewPointDialog.tsx';
import { useCoverage, useLinks } from '../queries.ts';

const BY = { owner: '按联系人', specialCommittee: '按专委会', sector: '按界别' };

export function LiaisonPage() {
  const [params, setParams] = useListParams({ scheme: '', overdue: '', by: 'owner' });
  const links = useLinks(params.scheme, params.overdue);
  const coverage = useCoverage(params.by);
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
        <ParamSelect
          label="联系制度"
          style={{ minWidth: 200 }}
          name="scheme"
          params={params}
          setParams={setParams}
          labels={SCHEMES}
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
        {...onePageProps(links.data, links.isLoading)}
        unit="个"
        columns={[
          ...textColumns({ owner: '联系人', target: '联系对象', schemeLabel: '联系制度', frequencyDays: '频次（天）' }),
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
          <Select aria-label="统计口径" value={params.by} onChange={(by) => setParams({ by })} options={choices(BY)} />
        }
      >
        <ResponsiveList
          rowKey="name"
          {...onePageProps(coverage.data?.items)}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '联系关系', dataIndex: 'links' },
            { title: '按期联系', dataIndex: 'inTime' },
            { title: '覆盖率', dataIndex: 'coverage', render: (v) => `${v}%` },
          ]}
        />
      </Card>
      <NewLinkDialog open={adding === 'link'} onClose={() => setAdding(null)} />
      <NewPointDialog open={adding === 'point'} onClose={() => setAdding(null)} />
    </>
  );
}
