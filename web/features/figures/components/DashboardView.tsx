// 驾驶舱: a committee's key figures of the year so far with the change against the same days last year, what is overdue,
// the monthly trend (ECharts, loaded after the numbers), the counties side by side, and every other figure by module.
// Shown on its own page, on a leader's home, and in the 大屏 (dark, large, refreshed every 60 s).
import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/index.ts';
import type { Dashboard } from '../api.ts';
import { useDashboard } from '../queries.ts';
import { KEY_FIGURES } from '../roleFigures.ts';
import { FigureCard } from './FigureCard.tsx';
import { LevelsCard } from './LevelsCard.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

export function cardTitle(text: string, dark?: boolean) {
  return <h2 style={{ margin: 0, fontSize: dark ? 24 : 18, color: dark ? '#f8fafc' : undefined }}>{text}</h2>;
}

/** The 大屏's panels: the navy of the screen, not the dark theme's grey. */
export const darkCard = (dark?: boolean) => (dark ? { background: '#13233f', borderColor: '#1e3a66' } : {});

function Overdue({ d, dark }: { d: Dashboard; dark?: boolean }) {
  const open = d.overdue.filter((o) => o.count > 0);
  return (
    <Card title={cardTitle('超期事项', dark)} style={{ height: '100%', ...darkCard(dark) }}>
      {open.length === 0 ? (
        <Typography.Text>暂无超期事项。</Typography.Text>
      ) : (
        <Flex vertical role="list" aria-label="超期事项">
          {open.map((o, i) => (
            <Link
              key={o.name}
              to={o.link}
              role="listitem"
              style={{ padding: '10px 0', fontSize: dark ? 20 : 16, borderTop: i ? '1px solid #8884' : undefined }}
            >
              <Flex justify="space-between" align="center" gap={12}>
                <span style={{ color: dark ? '#f8fafc' : 'rgba(0,0,0,0.88)' }}>{o.name}</span>
                <Flex align="center" gap={8}>
                  <Badge count={o.count} overflowCount={9999} color="#b91c1c" />
                  <RightOutlined aria-hidden />
                </Flex>
              </Flex>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Trend({ d, dark }: { d: Dashboard; dark?: boolean }) {
  const series = useMemo(
    () =>
      // The figures the server counts month by month (FigureGroup.months), in the order of the key figures.
      d.items
        .filter((f) => d.trend.some((m) => f.id in m.values))
        .map((f) => ({ name: f.name, unit: f.unit, data: d.trend.map((m) => m.values[f.id] ?? 0) })),
    [d],
  );
  const months = useMemo(() => d.trend.map((m) => m.label), [d]);
  return (
    <Card title={cardTitle('月度趋势', dark)} style={{ height: '100%', ...darkCard(dark) }}>
      {series.length === 0 ? (
        <Typography.Text>暂无按月统计的指标。</Typography.Text>
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <TrendChart months={months} series={series} label="各月趋势折线图" dark={dark} height={dark ? 360 : 300} />
        </Suspense>
      )}
    </Card>
  );
}

/** Every figure the viewer may see, by module, under the key ones. */
function AllFigures({ d }: { d: Dashboard }) {
  const modules = [...new Set(d.items.map((f) => f.moduleName))];
  return (
    <>
      {modules.map((m) => (
        <section key={m} aria-label={m}>
          <Typography.Title level={3} style={{ fontSize: 17, margin: '16px 0 8px' }}>
            {m}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {d.items
              .filter((f) => f.moduleName === m)
              .map((f) => (
                <Col key={f.id} xs={12} md={8} xl={6}>
                  <FigureCard f={f} />
                </Col>
              ))}
          </Row>
        </section>
      ))}
    </>
  );
}

export interface DashboardViewProps {
  year?: number;
  committeeId?: number;
  /** The 大屏: dark, large, key figures only, refreshed every minute. */
  screen?: boolean;
  /** On a home page: the key figures, overdue and trend; the rest on the dashboard page. */
  compact?: boolean;
  /** The figures to head the view (an office's own; the leader's by default). */
  keyIds?: string[];
  /** A handling unit's own figures: all of them, its overdue; no levels (GET /api/figures/unit). */
  unit?: boolean;
}

export function DashboardView({ year, committeeId, screen, compact, keyIds: wanted, unit }: DashboardViewProps) {
  const { data: d, error, dataUpdatedAt } = useDashboard({ year, committeeId }, screen ? 60_000 : undefined, unit);
  if (error) return <ErrorAlert error={error} />;
  if (!d) return <Skeleton active paragraph={{ rows: 8 }} />;
  const key = unit ? d.items : (wanted ?? KEY_FIGURES).map((id) => d.items.find((f) => f.id === id)).filter((f) => !!f);
  const hasTrend = d.trend.some((m) => key.some((f) => f.id in m.values));
  const keyIds = key.map((f) => f.id);
  return (
    <div data-testid="dashboard">
      <Typography.Paragraph style={{ fontSize: screen ? 18 : 14, color: screen ? '#cbd5e1' : 'rgba(0,0,0,0.65)' }}>
        {d.unit ? `${d.unit.name}（${d.committee.name}）` : d.committee.name} · 统计至
        {d.period.to.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}，与去年同期比较
        {screen && dataUpdatedAt
          ? ` · 每60秒自动刷新，更新于${new Date(dataUpdatedAt).toLocaleTimeString('zh-CN', { hour12: false })}`
          : ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {key.map((f) => (
          <Col key={f.id} xs={12} md={8} xl={screen ? 4 : 6}>
            <FigureCard f={f} dark={screen} large={screen} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={unit && !hasTrend ? 24 : 8}>
          <Overdue d={d} dark={screen} />
        </Col>
        {!(unit && !hasTrend) && (
          <Col xs={24} lg={16}>
            <Trend d={{ ...d, items: key }} dark={screen} />
          </Col>
        )}
      </Row>
      {!unit && (
        <LevelsCard
          year={d.year}
          ids={keyIds}
          committeeId={committeeId}
          dark={screen}
          refetch={screen ? 60_000 : undefined}
        />
      )}
      {!screen && !compact && (
        <>
          <Typography.Title level={2} style={{ fontSize: 20, margin: '8px 0 0' }}>
            全部指标
          </Typography.Title>
          <AllFigures d={{ ...d, items: d.items.filter((f) => !keyIds.includes(f.id)) }} />
        </>
      )}
    </div>
  );
}
