// The year's completion by member, sector or special committee, with its Excel.
import { Flex, Input, InputNumber, Segmented } from 'antd';
import { useState } from 'react';
import { qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { choices, ErrorAlert, ExportButton, ResponsiveList, textColumns } from '../../../components/index.ts';
import type { CompletionRow } from '../api.ts';
import { useCompletion } from '../queries.ts';

export function CompletionTab() {
  const [year, setYear] = useState(beijingYear());
  const [by, setBy] = useState<'member' | 'sector' | 'specialCommittee'>('sector');
  // By member the list holds every member of the term: staff look one up by name and page through the rest here.
  const [name, setName] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, error, isFetching } = useCompletion(year, by);
  const rows = (data?.items ?? []).filter((r) => by !== 'member' || r.name.includes(name.trim()));
  const paged = by === 'member' ? page : { page: 1, pageSize: Math.max(10, rows.length) };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Segmented
          aria-label="统计维度"
          value={by}
          onChange={(v) => {
            setBy(v as typeof by);
            setPage({ page: 1, pageSize: 20 });
          }}
          options={choices({ sector: '按界别', specialCommittee: '按专委会', member: '按委员' })}
        />
        {by === 'member' && (
          <Input.Search
            aria-label="查找委员"
            placeholder="查找委员"
            allowClear
            style={{ width: 200 }}
            onSearch={(v) => {
              setName(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
        )}
        <ExportButton url={`/api/learning/completion/export${qs({ year, by })}`}>导出 Excel</ExportButton>
      </Flex>
      <ErrorAlert error={error} />
      <ResponsiveList<CompletionRow>
        unit={by === 'member' ? '人' : '个'}
        locale={{ emptyText: name && by === 'member' ? `没有姓名含「${name}」的委员` : `${year}年暂无学习记录` }}
        data={
          data
            ? { items: rows.slice((paged.page - 1) * paged.pageSize, paged.page * paged.pageSize), total: rows.length }
            : undefined
        }
        loading={isFetching}
        page={paged.page}
        pageSize={paged.pageSize}
        onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
        columns={[
          { title: by === 'member' ? '委员' : by === 'sector' ? '界别' : '专委会', dataIndex: 'name' },
          ...(by === 'member' ? [] : [{ title: '人数', dataIndex: 'members' }]),
          { title: '学完资料', dataIndex: 'materialsFinished' },
          {
            title: `完成率（共${data?.materials ?? 0}份）`,
            dataIndex: 'completionRate',
            render: (v: number) => `${v}%`,
          },
          ...textColumns({
            sessionsAttended: '培训课次',
            reflectionsSubmitted: '心得提交',
            reflectionsAccepted: '心得通过',
          }),
        ]}
      />
    </>
  );
}
