// 界别工作台: a sector's members, the meetings it organised and the proposals it filed as collective author (read-only).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { type SectorWorkspace, workspaceKeys } from '../api.ts';
import { MeetingsCard, MembersCard, OutputsCard } from '../components/UnitLists.tsx';

export const yearOptions = () => [0, 1, 2].map((n) => ({ value: beijingYear() - n, label: `${beijingYear() - n}年` }));

export function SectorPage() {
  const id = Number(useParams().id);
  const [year, setYear] = useState(beijingYear());
  const w = useQuery({
    queryKey: workspaceKeys.unit('sector', id, year),
    queryFn: () => api.get<SectorWorkspace>(`/api/workspace/sectors/${id}?year=${year}`),
  });
  return (
    <>
      <PageHeader
        title={w.data ? `界别工作台：${w.data.name}` : '界别工作台'}
        back="/workspace"
        extra={<Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} />}
      />
      <ErrorAlert error={w.error} />
      {w.data && (
        <>
          <MembersCard members={w.data.members} />
          <MeetingsCard meetings={w.data.meetings} />
          <OutputsCard title="界别提案" items={w.data.proposals} unit="件" />
        </>
      )}
    </>
  );
}
