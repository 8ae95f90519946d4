// 提案统计: the figures of a year, session or term — the annual-report sentence, totals, charts by state, category,
// filing kind, outcome class and unit, on-time rate and satisfaction — all computed by the server from the data.

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import { api, qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, namedChoices, PageHeader, useListParams } from '../../../components/index.ts';
import { useReference } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { percentOrDash } from '../percent.ts';
import { proposalKeys } from '../queries.ts';

interface Figures {
  sentence: string;
  totals: Record<string, number>;
  byState: { key: string; label: string; count: number }[];
  byCategory: { key: string; label: string; count: number; registered: number }[];
  byKind: { key: string; label: string; count: number }[];
  outcome: { key: string; label: string; count: number; share: number }[];
  onTime: { replied: number; due: number; onTime: number; rate: number | null };
  satisfaction: {
    satisfied: number;
    partlySatisfied: number;
    unsatisfied: number;
    unrated: number;
    total: number;
    satisfiedRate: number | null;
  };
  byUnit: {
    unitId: number;
    name: string;
    assigned: number;
    replied: number;
    open: number;
    overdue: number;
    onTimeRate: number | null;
    satisfiedRate: number | null;
  }[];
}

/** A scope dropdown: the URL value it shows (a number), the one it clears, its label (zh_CN), width in px, choices. */
interface ScopeSelect {
  name: 'year' | 'sessionId';
  clears: 'year' | 'sessionId';
  label: string;
  width: number;
  hidden?: boolean;
  options: { value: number; label: string }[];
}

const YEARS = Array.from({ length: 8 }, (_, i) => beijingYear() - i);

/** The office's figures for any year or session; with `unit`, a handling unit's own figures (by year). */
export function FiguresPage({ unit = false }: { unit?: boolean }) {
  const [params, setParams] = useListParams({ year: String(beijingYear()), sessionId: '' });
  const ref = useReference();
  const scope = { year: params.year, sessionId: params.sessionId };
  const {
    data: f,
    error,
    isFetching,
  } = useQuery({
    queryKey: proposalKeys.figures(!!unit, scope),
    queryFn: () => api.get<Figures>(`/api/proposals/${unit ? 'unit-figures' : 'figures'}${qs(scope)}`),
  });
  // 年度 or 会议 (a unit sees years only): choosing one clears the other, the figures are of one scope.
  const scopeSelects: ScopeSelect[] = [
    {
      name: 'year',
      clears: 'sessionId',
      label: '年度',
      width: 120,
      options: YEARS.map((y) => ({ value: y, label: `${y}年` })),
    },
    {
      name: 'sessionId',
      clears: 'year',
      label: '会议',
      width: 180,
      hidden: unit,
      options: namedChoices(ref.data?.sessions),
    },
  ];
  const pie = (rows: { label: string; count: number }[]) =>
    rows.filter((r) => r.count > 0).map((r) => ({ name: r.label, value: r.count }));
  return (
    <>
      {unit ? (
        <PageHeader
          title="本单位办理情况"
          description="交办本单位的提案的办理进度、按期答复率、办理结果和提案人的满意度。"
        />
      ) : (
        <PageHeader
          title="提案统计"
          extra={<ExportButton url={`/api/proposals/figures.xlsx${qs(scope)}`}>导出单位统计</ExportButton>}
        />
      )}
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        {scopeSelects.map((f) => (
          <span key={f.name} hidden={f.hidden}>
            {f.label}{' '}
            <Select
              aria-label={f.label}
              style={{ width: f.width }}
              allowClear
              placeholder="全部"
              value={params[f.name] ? Number(params[f.name]) : undefined}
              onChange={(v) => setParams({ [f.name]: v ? String(v) : '', [f.clears]: '' })}
              options={f.options}
            />
          </span>
        ))}
      </Flex>
      <ErrorAlert error={error} />
      {f && (
        <>
          <Card style={{ marginBottom: 16, background: '#f0f5ff' }}>
            <Typography.Paragraph style={{ fontSize: 20, margin: 0, lineHeight: 1.8 }} copyable>
              {f.sentence}。
            </Typography.Paragraph>
          </Card>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              ['收到提案', f.totals.received, '件'],
              ['立案', f.totals.registered, '件'],
              ['已答复', f.totals.answered, '件'],
              ['解决采纳率', f.totals.solvedShare, '%'],
              ['按期答复率', f.onTime.rate, '%'],
              ['满意率', f.satisfaction.satisfiedRate, '%'],
              ['重点提案', f.totals.key, '件'],
              ['并案', f.totals.merged, '件'],
            ].map(([title, value, suffix]) => (
              <Col key={title as string} xs={12} md={6} xl={3}>
                <Card loading={isFetching}>
                  {/* A rate with nothing to measure comes as null: 「—」, not 0%. */}
                  <Statistic
                    title={title as string}
                    value={value == null ? '—' : (value as number)}
                    suffix={value == null ? undefined : (suffix as string)}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title="按状态">
                <Chart kind="bar" label="按状态统计" data={f.byState.map((s) => ({ name: s.label, value: s.count }))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="按类别">
                <Chart kind="pie" label="按类别统计" data={pie(f.byCategory)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="办理结果">
                <Chart kind="pie" label="办理结果类别" data={pie(f.outcome)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="提案形式与满意度">
                <Chart kind="pie" label="提案形式" height={220} data={pie(f.byKind)} />
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  满意 {f.satisfaction.satisfied} 件，基本满意 {f.satisfaction.partlySatisfied} 件，不满意{' '}
                  {f.satisfaction.unsatisfied} 件，未评价 {f.satisfaction.unrated} 人次。
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24}>
              <Card title="承办单位办理情况">
                <Table
                  rowKey="unitId"
                  size="middle"
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  dataSource={f.byUnit}
                  columns={[
                    { title: '承办单位', dataIndex: 'name' },
                    { title: '交办', dataIndex: 'assigned', sorter: (a, b) => a.assigned - b.assigned },
                    { title: '已答复', dataIndex: 'replied' },
                    { title: '未办结', dataIndex: 'open' },
                    { title: '超期', dataIndex: 'overdue', sorter: (a, b) => a.overdue - b.overdue },
                    { title: '按期答复率', dataIndex: 'onTimeRate', render: percentOrDash },
                    { title: '满意率', dataIndex: 'satisfiedRate', render: percentOrDash },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
