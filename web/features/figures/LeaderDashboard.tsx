// The 驾驶舱 on a leader's home page: the key figures, overdue and trend of the year, with links to the full dashboard
// and its 大屏 (a chunk of its own, so other roles' homes never download it).
import { DesktopOutlined, RightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { beijingYear } from '../../app/format.ts';
import { DashboardView } from './DashboardView.tsx';

export default function LeaderDashboard() {
  return (
    <section aria-label="驾驶舱" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '4px 0 8px' }}>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {beijingYear()}年驾驶舱
        </Typography.Title>
        <Flex gap={16} wrap>
          <Link to="/figures?screen=1">
            <DesktopOutlined aria-hidden /> 大屏展示
          </Link>
          <Link to="/figures">
            全部指标 <RightOutlined aria-hidden />
          </Link>
        </Flex>
      </Flex>
      <DashboardView compact />
    </section>
  );
}
