// 社情民意统计: a year's figures from the data — received, compiled, issues, adoptions and instructions per level,
// referrals and responses — charts (ECharts), tables per submitter and per informant, and the annual report's sentence.

import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Row, Select, Statistic, Table, type TableProps, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { api, qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, PageHeader, useListParams } from '../../../components/index.ts';
import type { Figures } from '../api.ts';
import { opinionKeys } from '../queries.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 300 }} />;
}

export function FiguresPage() {
  const thisYear = beijingYear();
  const [params, setParams] = useListParams({ year: String(thisYear) });
  const { message } = App.useApp();
  const { data: f, error } = useQuery({
    queryKey: opinionKeys.figures(params.year),
    queryFn: () => api.get<Figures>(`/api/opinions/figures${qs({ year: params.year })}`),
  });
  const levelsChart = useMemo<echarts.EChartsCoreOption | null>(
    () =>
      f
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0, data: ['采用', '领导批示'], textStyle: { fontSize: 14 } },
            grid: { left: 40, right: 16, bottom: 30, top: 40 },
            xAxis: { type: 'category', data: f.adopted.map((a) => a.label), axisLabel: { fontSize: 14 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: '采用', type: 'bar', data: f.adopted.map((a) => a.count), itemStyle: { color: '#a8071a' } },
              {
                name: '领导批示',
                type: 'bar',
                data: f.instructions.map((a) => a.count),
                itemStyle: { color: '#ad6800' },
              },
            ],
          }
        : null,
    [f],
  );
  const monthChart = useMemo<echarts.EChartsCoreOption | null>(
    () =>
      f
        ? {
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 16, bottom: 30, top: 20 },
            xAxis: {
              type: 'category',
              data: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
              axisLabel: { fontSize: 14 },
            },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                name: '收到信息',
                type: 'line',
                smooth: true,
                data: Array.from({ length: 12 }, (_, i) => f.byMonth.find((m) => m.month === i + 1)?.count ?? 0),
                itemStyle: { color: '#0958d9' },
              },
            ],
          }
        : null,
    [f],
  );

  return (
    <>
      <PageHeader
        title="社情民意统计"
        description="所有数字都由平台数据实时统计，可直接用于年度工作报告。"
        extra={
          <>
            <Select
              aria-label="年度"
              style={{ width: 140 }}
              value={params.year}
              onChange={(year) => setParams({ year })}
              options={[0, 1, 2, 3, 4].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d}年` }))}
            />
            <ExportButton url={`/api/opinions/figures/export${qs({ year: params.year })}`} />
          </>
        }
      />
      <ErrorAlert error={error} />
      {f && (
        <>
          <Card style={{ marginBottom: 16, borderColor: '#a8071a' }}>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              年度报告表述
            </Typography.Title>
            <Typography.Paragraph data-testid="annual-sentence" style={{ fontSize: 20, marginBottom: 8 }}>
              {f.sentence}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ fontSize: 17 }}>{f.adoptionSentence}</Typography.Paragraph>
            <Button
              icon={<CopyOutlined />}
              onClick={() =>
                navigator.clipboard
                  .writeText(`${f.sentence}。${f.adoptionSentence}。`)
                  .then(() => message.success('已复制'))
                  .catch(() => message.error('复制失败，请手动选择文字复制'))
              }
            >
              复制
            </Button>
          </Card>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              ['收到信息', f.received, '条'],
              ['其中来自下级', f.fromLower, '条'],
              ['采编留用', f.accepted, '条'],
              ['编入期刊', f.compiled, '条'],
              ['编发期刊', f.issues, '期'],
              ['报送', f.forwarded, '条'],
              ['转办', f.referred, '条'],
              ['部门回复', f.answered, '条'],
            ].map(([label, value, unit]) => (
              <Col xs={12} sm={8} lg={6} key={label as string}>
                <Card>
                  <Statistic title={label} value={value as number} suffix={unit} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card title="各级采用与领导批示（条）">
                {levelsChart && <Chart option={levelsChart} label="各级采用与领导批示柱状图" />}
                <Flex gap={16} wrap>
                  {f.adopted.map((a, i) => (
                    <span key={a.level}>
                      {a.label}：采用 {a.count}，批示 {f.instructions[i].count}
                    </span>
                  ))}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="每月收到信息（条）">
                {monthChart && <Chart option={monthChart} label="每月收到信息柱状图" />}
                <Typography.Text type="secondary">
                  {f.byCategory.map((c) => `${c.category} ${c.count}`).join('，') || '暂无'}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <PeopleTable
              title="按报送人"
              span={14}
              rowKey={(r) => `${r.kind}:${r.name}`}
              rows={f.bySubmitter}
              empty="暂无数据"
              columns={{
                name: '报送人',
                kindLabel: '类别',
                received: '报送',
                compiled: '编入期刊',
                adopted: '被采用',
                instructed: '获批示',
              }}
            />
            <PeopleTable
              title="按信息员"
              span={10}
              rowKey="informantId"
              rows={f.byInformant}
              empty="暂无信息员"
              columns={{ name: '信息员', area: '网格/片区', received: '报送', compiled: '编入期刊', adopted: '被采用' }}
            />
          </Row>
        </>
      )}
    </>
  );
}

/** A card of per-person figures, ten rows a page: `columns` maps each row field to its column title, in order. */
function PeopleTable<T extends object>(p: {
  title: string;
  span: number;
  rowKey: TableProps<T>['rowKey'];
  rows: T[];
  empty: string;
  columns: Partial<Record<keyof T & string, string>>;
}) {
  return (
    <Col xs={24} lg={p.span}>
      <Card title={p.title}>
        <Table<T>
          rowKey={p.rowKey}
          size="middle"
          scroll={{ x: 'max-content' }}
          dataSource={p.rows}
          pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 位` }}
          locale={{ emptyText: p.empty }}
          columns={Object.entries(p.columns).map(([dataIndex, title]) => ({ title: title as string, dataIndex }))}
        />
      </Card>
    </Col>
  );
}
