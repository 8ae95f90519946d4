// 专委会工作台: one special committee — its members, its items of the year's consultation and supervision plans, the
// events and meetings it organised, its outputs (collective proposals, opinion reports) and its 一委一品.
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { type SpecialCommitteeWorkspace, workspaceKeys } from '../api.ts';
import { SignaturePanel } from '../components/SignaturePanel.tsx';
import { MeetingsCard, MembersCard, OutputsCard, PlainListCard } from '../components/UnitLists.tsx';
import { yearOptions } from './SectorPage.tsx';

const PLAN = { consultation: '协商计划', supervision: '民主监督计划' };

export function SpecialCommitteePage() {
  const id = Number(useParams().id);
  const [year, setYear] = useState(beijingYear());
  const w = useQuery({
    queryKey: workspaceKeys.unit('specialCommittee', id, year),
    queryFn: () => api.get<SpecialCommitteeWorkspace>(`/api/workspace/special-committees/${id}?year=${year}`),
  });
  const d = w.data;
  return (
    <>
      <PageHeader
        title={d ? d.name : '专委会工作台'}
        back="/workspace"
        description={d && !d.canManage ? '只读：您可以查看本专委会的工作情况。' : undefined}
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={yearOptions()}
              style={{ marginRight: 8 }}
            />
            {d?.canManage && (
              <Link to="/workspace/reports">
                <Button type="primary">月汇报</Button>
              </Link>
            )}
          </>
        }
      />
      <ErrorAlert error={w.error} />
      {d && (
        <>
          <SignaturePanel specialCommitteeId={d.id} year={year} signature={d.signature} canManage={d.canManage} />
          <PlainListCard
            title="牵头的计划事项"
            items={d.planItems}
            unit="项"
            columns={[
              { title: '事项', dataIndex: 'topic' },
              { title: '计划', dataIndex: 'planKind', render: (v: 'consultation' | 'supervision') => PLAN[v] },
              { title: '计划月份', dataIndex: 'plannedMonth', render: (v) => (v ? `${v}月` : '—') },
            ]}
          />
          <PlainListCard
            title="组织的协商和监督活动"
            items={d.events}
            unit="次"
            columns={[
              { title: '活动', dataIndex: 'title' },
              {
                title: '类别',
                dataIndex: 'category',
                render: (v) => <Tag>{v === 'supervision' ? '民主监督' : '协商'}</Tag>,
              },
              { title: '日期', dataIndex: 'day', render: (v) => v ?? '未定' },
              { title: '状态', dataIndex: 'stateLabel' },
              { title: '参加委员', dataIndex: 'participants', render: (v) => `${v} 人` },
            ]}
          />
          <MeetingsCard meetings={d.meetings} />
          <OutputsCard title="以本委名义提交的集体提案" items={d.proposals} unit="件" />
          <OutputsCard title="报送的社情民意信息" items={d.opinions} unit="篇" />
          <MembersCard members={d.members} />
        </>
      )}
    </>
  );
}
