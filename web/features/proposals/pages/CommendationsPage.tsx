// 优秀提案: the year's nominated proposals through evaluation to publication.

import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { EmptyText, ErrorAlert, PageHeader, useListParams } from '../../../components/index.ts';
import { TAG } from '../api.ts';
import { YearFilter } from '../components/YearFilter.tsx';
import { proposalKeys } from '../queries.ts';

export interface Commendation {
  id: number;
  proposalId: number;
  title: string;
  numberLabel: string;
  proposers: string;
  year: number;
  state: string;
  stateLabel: string;
  reason: string;
  score: number | null;
}

export function CommendationsPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.commendationsOf(params.year),
    queryFn: () => api.get<{ items: Commendation[] }>(`/api/proposals/commendations${qs({ year: params.year })}`),
  });
  return (
    <>
      <PageHeader
        title="优秀提案"
        description="在提案详情页推荐；推荐后评审打分，经审定后公布表彰，提案人的履职档案同时记入。"
      />
      <YearFilter year={params.year} onChange={(year) => setParams({ year })} />
      <ErrorAlert error={error} />
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText text="本年度尚无推荐" /> }}
        columns={[
          {
            title: '案由',
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/proposals/${r.proposalId}`}>{v}</Link>,
          },
          { title: '提案号', dataIndex: 'numberLabel' },
          { title: '提案人', dataIndex: 'proposers' },
          { title: '评审得分', dataIndex: 'score', render: (v: number | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v: string, r) => <Tag color={r.state === 'published' ? TAG.green : TAG.blue}>{v}</Tag>,
          },
          {
            title: '推荐理由',
            dataIndex: 'reason',
            render: (v: string) => <Typography.Text>{v || '—'}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
