// 12345 热线诉求: a month's recurring matters (area, subject, number of cases, the cases) that staff or a room's convener
// take up as a room topic (每月一题), and the case list marked 未立题 / 已立题 / 已解决; staff import the hotline's export.
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { PageHeader, useListParams } from '../../../components/index.ts';
import type { HotlineCase } from '../api.ts';
import { HotlineCases } from '../components/HotlineCases.tsx';
import { HotlineImport } from '../components/HotlineImport.tsx';
import { RecurringMatters } from '../components/RecurringMatters.tsx';
import { grassrootsKeys } from '../queries.ts';

export function HotlinePage() {
  const { can, me } = useSession();
  const [params, setParams] = useListParams({ month: '', tab: 'matters' });
  const [importing, setImporting] = useState(false);
  // Without a month chosen, the month of the latest case received.
  const latest = useQuery({
    queryKey: grassrootsKeys.hotlineLatest,
    enabled: !params.month,
    queryFn: () => api.get<{ items: HotlineCase[] }>('/api/grassroots/hotline/cases?pageSize=1'),
  });
  const month = params.month || latest.data?.items[0]?.receivedOn.slice(0, 7) || dayjs().format('YYYY-MM');
  const manage = can('grassroots.manage');
  return (
    <>
      <PageHeader
        title="12345 热线诉求"
        description="按区域和诉求归并反复出现的热线工单，每月选一项交协商议事室协商（每月一题）。"
        extra={
          manage && (
            <Button type="primary" onClick={() => setImporting(true)}>
              导入工单
            </Button>
          )
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="hotline-month">月份</label>
        <DatePicker
          id="hotline-month"
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })}
        />
      </Flex>
      {(params.month || !latest.isLoading) && (
        <Tabs
          activeKey={params.tab}
          onChange={(tab) => setParams({ tab })}
          items={[
            {
              key: 'matters',
              label: '反复出现的诉求',
              children: <RecurringMatters month={month} canTakeUp={manage || !!me?.account.memberId} />,
            },
            { key: 'cases', label: '工单列表', children: <HotlineCases month={month} /> },
          ]}
        />
      )}
      <HotlineImport open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
