// 图书发放 (staff): record that a book, or a whole list, went to members or to reading groups with quantities; the
// year's record with its totals, as cards on a phone, and its Excel.

import { Alert, Card, Select } from 'antd';
import { useState } from 'react';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, PageHeader, pagedProps, ResponsiveList } from '../../../components/index.ts';
import type { Handout } from '../api.ts';
import { HandoutForm } from '../components/HandoutForm.tsx';
import { useHandouts } from '../queries.ts';

export function HandoutsPage() {
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, error, isFetching } = useHandouts(year, paging.page, paging.pageSize);
  return (
    <>
      <PageHeader
        title="图书发放"
        back="/reading"
        extra={
          <>
            <Select
              aria-label="年度"
              size="large"
              value={year}
              onChange={(y) => {
                setYear(y);
                setPaging({ ...paging, page: 1 });
              }}
              options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
            />
            <ExportButton url={`/api/reading/handouts/export?year=${year}`}>导出 Excel</ExportButton>
          </>
        }
      />
      {data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year}年共发放图书 ${data.copies} 册，发放委员 ${data.members} 人、读书群 ${data.groups} 个。`}
        />
      )}
      <HandoutForm year={year} />
      <Card title="发放记录">
        <ErrorAlert error={error} />
        <ResponsiveList<Handout>
          rowKey="id"
          {...pagedProps({ data, isFetching }, paging, setPaging)}
          unit="条"
          titleColumn="bookTitle"
          locale={{ emptyText: `${year}年还没有发放记录` }}
          columns={[
            { title: '发放日期', dataIndex: 'handedOn' },
            { title: '书名', dataIndex: 'bookTitle', render: (t: string) => `《${t}》` },
            { title: '书目', key: 'list', render: (_: unknown, h) => `${h.listPeriod} ${h.listTitle}` },
            {
              title: '发放对象',
              key: 'recipient',
              render: (_: unknown, h) => `${h.recipientName}（${h.recipientKindLabel}）`,
            },
            { title: '数量', dataIndex: 'quantity', render: (n: number) => `${n} 册` },
            { title: '备注', dataIndex: 'note', render: (n: string) => n || '—' },
          ]}
        />
      </Card>
    </>
  );
}
