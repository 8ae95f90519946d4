// 驾驶舱 page: the year's dashboard of the viewer's committee or of one below it (?committeeId=, figures only), a year
// picker, and the 大屏 mode — the same dashboard dark and large over the whole screen, refreshing itself every minute.
import { DesktopOutlined, FullscreenExitOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Select, Typography, theme } from 'antd';
import { useCallback, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { beijingYear } from '../../../app/format.ts';
import { PageHeader, useListParams } from '../../../components/index.ts';
import { DashboardView } from '../components/DashboardView.tsx';

const YEARS = Array.from({ length: 6 }, (_, i) => beijingYear() - i);

function Screen({ year, committeeId, onClose }: { year?: number; committeeId?: number; onClose: () => void }) {
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    // The browser's own full screen where allowed (a meeting-room display); the dark layer covers the page either way.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      window.removeEventListener('keydown', key);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [onClose]);
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorLink: '#fde68a' } }}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="大屏展示"
        data-testid="big-screen"
        style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#0b1526', overflow: 'auto', padding: 24 }}
      >
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 34, color: '#f8fafc', letterSpacing: 2 }}>
            {year ?? beijingYear()}年履职工作数据
          </Typography.Title>
          <Button size="large" icon={<FullscreenExitOutlined />} onClick={onClose}>
            退出大屏
          </Button>
        </Flex>
        <DashboardView year={year} committeeId={committeeId} screen />
      </div>
    </ConfigProvider>
  );
}

export function DashboardPage() {
  const [params, setParams] = useListParams({ year: '', committeeId: '', screen: '' });
  const year = params.year ? Number(params.year) : undefined;
  const committeeId = params.committeeId ? Number(params.committeeId) : undefined;
  const close = useCallback(() => setParams({ screen: '' }), [setParams]);
  return (
    <>
      <PageHeader
        title="驾驶舱"
        extra={
          <Flex gap={8} wrap>
            {committeeId && <Link to="/figures">返回本级</Link>}
            <Select
              aria-label="年度"
              style={{ width: 120 }}
              value={year ?? beijingYear()}
              onChange={(v) => setParams({ year: v === beijingYear() ? '' : String(v) })}
              options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            />
            <Button type="primary" icon={<DesktopOutlined />} onClick={() => setParams({ screen: '1' })}>
              大屏展示
            </Button>
          </Flex>
        }
      />
      <DashboardView year={year} committeeId={committeeId} />
      {params.screen && <Screen year={year} committeeId={committeeId} onClose={close} />}
    </>
  );
}
