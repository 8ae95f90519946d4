// 界别活动・界别提案: per sector for a year, the sector's meetings, its members' activity participations, proposals
// its members led and collective proposals in the sector's name; Excel export.
import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { useState } from 'react';
import type { SectorCounts } from '../../../../server/modules/duty/sector-counts.ts';
import { api, qs } from '../../../api/client.ts';
import { ExportButton, ItemsTable, PageHeader, textColumns } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys } from '../queries.ts';

type Row = SectorCounts;

export function SectorsPage() {
  const [year, setYear] = useState(thisYear());
  const query = useQuery({
    queryKey: [...dutyKeys.all, 'sectors', year],
    queryFn: () => api.get<{ year: number; items: Row[] }>(`/api/duty/sectors${qs({ year })}`),
  });
  return (
    <>
      <PageHeader
        title="界别活动与界别提案"
        description="界别活动按界别会议计；委员参加活动按签到人次计；界别提案含以界别名义提交的集体提案和界别委员领衔的提案。"
        extra={
          <Space wrap>
            <YearSelect value={year} onChange={setYear} />
            <ExportButton url={`/api/duty/sectors/export?year=${year}`} />
          </Space>
        }
      />
      <ItemsTable<Row>
        rowKey="sectorId"
        size="small"
        query={query}
        loading={query.isLoading}
        columns={[
          { title: '界别', dataIndex: 'sector', fixed: 'left' },
          ...textColumns({
            members: '委员',
            sectorMeetings: '界别活动（次）',
            activityParticipations: '参加活动（人次）',
            activeMembers: '参加活动委员',
            collectiveProposals: '集体提案（件）',
            memberProposals: '委员提案（件）',
            proposals: '界别提案合计',
          }),
        ]}
      />
    </>
  );
}
