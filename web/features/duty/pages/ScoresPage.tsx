// 履职积分: the score table (by sector / special committee / group, with each component) and the quarterly
// bulletin (Word, Excel).
import { Checkbox, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { qs } from '../../../api/client.ts';
import { beijingToday } from '../../../app/format.ts';
import {
  DataTable,
  ErrorAlert,
  ExportButton,
  linkColumn,
  PageHeader,
  ParamSearch,
  ParamSelect,
  pagedProps,
  useListParams,
} from '../../../components/index.ts';
import { useReference } from '../../meetings/shared.tsx';
import { GRADE_COLOR, thisYear } from '../api.ts';
import { GroupTable } from '../components/GroupTable.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { type ScoreRow, useScores } from '../queries.ts';

const GRADE_CHOICES = { '': '全部等次', excellent: '优秀', good: '良好', competent: '称职', incompetent: '不称职' };
const SORT_CHOICES = { code: '按编号', totalAsc: '积分从低到高', totalDesc: '积分从高到低' };

/**
 * A filter over a reference list (sectors, special committees): `value` is the chosen id as the list parameter holds
 * it ('' for all), `onChange` gets the new one ('' when cleared); the placeholder is 全部 + `label`.
 */
function RefFilter({
  label,
  value,
  onChange,
  items,
  search,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  items?: { id: number; name: string }[];
  search?: boolean;
}) {
  return (
    <Select
      aria-label={label}
      allowClear
      placeholder={`全部${label}`}
      style={{ width: 200 }}
      value={value ? Number(value) : undefined}
      onChange={(v) => onChange(v ? String(v) : '')}
      showSearch={search ? { optionFilterProp: 'label' } : undefined}
      options={items?.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}

export function ScoresPage() {
  const [p, setP] = useListParams(
    {
      year: String(thisYear()),
      sectorId: '',
      specialCommitteeId: '',
      grade: '',
      belowPass: '',
      missingChecklist: '',
      q: '',
      sort: 'code',
      tab: 'members',
    },
    50,
  );
  const ref = useReference();
  const filters = {
    year: p.year,
    sectorId: p.sectorId,
    specialCommitteeId: p.specialCommitteeId,
    grade: p.grade,
    belowPass: p.belowPass,
    missingChecklist: p.missingChecklist,
    q: p.q,
    sort: p.sort,
  };
  const { data, error, isFetching } = useScores(
    { ...filters, page: p.page, pageSize: p.pageSize },
    p.tab === 'members',
  );
  const [quarter, setQuarter] = useState(Math.floor(beijingToday().month() / 3) + 1);
  return (
    <>
      <PageHeader
        title="履职积分"
        description="每位委员的积分和各项得分；积分反映履职数量，不代表履职质量，请结合各项明细看待。"
        extra={
          <Space wrap>
            <Select
              aria-label="季度"
              value={quarter}
              onChange={setQuarter}
              style={{ width: 110 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }))}
            />
            <ExportButton url={`/api/duty/bulletin${qs({ year: p.year, quarter, format: 'docx' })}`}>
              通报 (Word)
            </ExportButton>
            <ExportButton url={`/api/duty/bulletin${qs({ year: p.year, quarter, format: 'xlsx' })}`}>
              通报 (Excel)
            </ExportButton>
          </Space>
        }
      />
      <Tabs
        activeKey={p.tab}
        onChange={(tab) => setP({ tab })}
        items={[
          { key: 'members', label: '委员明细' },
          { key: 'sector', label: '按界别' },
          { key: 'specialCommittee', label: '按专委会' },
          { key: 'group', label: '按学习组' },
        ]}
      />
      {p.tab !== 'members' ? (
        <GroupTable year={p.year} by={p.tab as any} />
      ) : (
        <>
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            <YearSelect value={Number(p.year)} onChange={(y) => setP({ year: String(y) })} />
            <ParamSearch label="姓名或编号" name="q" params={p} setParams={setP} style={{ maxWidth: 220 }} />
            <RefFilter
              label="界别"
              value={p.sectorId}
              onChange={(sectorId) => setP({ sectorId })}
              items={ref.data?.sectors}
              search
            />
            <RefFilter
              label="专委会"
              value={p.specialCommitteeId}
              onChange={(specialCommitteeId) => setP({ specialCommitteeId })}
              items={ref.data?.specialCommittees}
            />
            <ParamSelect label="等次" width={120} name="grade" params={p} setParams={setP} labels={GRADE_CHOICES} />
            <ParamSelect label="排序" width={140} name="sort" params={p} setParams={setP} labels={SORT_CHOICES} />
            <Checkbox
              checked={p.belowPass === 'true'}
              onChange={(e) => setP({ belowPass: e.target.checked ? 'true' : '' })}
            >
              只看未达合格分
            </Checkbox>
            <Checkbox
              checked={p.missingChecklist === 'true'}
              onChange={(e) => setP({ missingChecklist: e.target.checked ? 'true' : '' })}
            >
              只看未完成基本要求
            </Checkbox>
            <ExportButton url={`/api/duty/scores/export${qs(filters)}`} />
          </Flex>
          <ErrorAlert error={error} />
          {data && (
            <Typography.Paragraph type="secondary">
              计分规则：{data.version.name}（{data.version.year} 年第 {data.version.version} 版），合格分{' '}
              {data.passMark} 分。
            </Typography.Paragraph>
          )}
          <DataTable<ScoreRow>
            rowKey="memberId"
            {...pagedProps({ data, isFetching }, p, setP)}
            columns={[
              { title: '编号', dataIndex: 'code' },
              linkColumn('姓名', 'name', (r) => `/duty/members/${r.memberId}?year=${p.year}`),
              { title: '界别', dataIndex: 'sector' },
              ...(data?.categories ?? []).map((c) => ({
                title: c.name,
                key: c.key,
                render: (_: unknown, r: ScoreRow) => r.components[c.key] ?? 0,
              })),
              { title: '总分', dataIndex: 'total', render: (v: number) => <strong>{v}</strong> },
              {
                title: '等次',
                dataIndex: 'grade',
                render: (g: string, r: ScoreRow) => <Tag color={GRADE_COLOR[g]}>{r.gradeLabel}</Tag>,
              },
              {
                title: '基本要求',
                render: (_: unknown, r: ScoreRow) =>
                  r.checklistMissing.length ? (
                    <span title={`未完成：${r.checklistMissing.join('、')}`}>
                      {r.checklistDone}/{r.checklistTotal}，缺 {r.checklistMissing.join('、')}
                    </span>
                  ) : r.checklistTotal ? (
                    <Tag color="#237804">已完成</Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
