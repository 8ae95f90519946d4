// The year's figures on a home page, chosen by role (roleFigures.ts): the leader's 驾驶舱 with its 大屏; an office's own
// key figures, overdue and trend; a handling unit's own figures and overdue. A chunk of its own, so homes without
// figures never download it.
import { DesktopOutlined, RightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { beijingYear } from '../../../app/format.ts';
import { type HomeDashboardKind, keyFiguresFor } from '../roleFigures.ts';
import { DashboardView } from './DashboardView.tsx';

const TITLES: Record<HomeDashboardKind, string> = {
  leader: '驾驶舱',
  office: '本部门年度指标',
  unit: '本单位办理情况',
};

export default function HomeDashboard({ kind, roles }: { kind: HomeDashboardKind; roles: string[] }) {
  const title = `${beijingYear()}年${TITLES[kind]}`;
  return (
    <section aria-label={TITLES[kind]} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '4px 0 8px' }}>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
        {kind !== 'unit' && (
          <Flex gap={16} wrap>
            {kind === 'leader' && (
              <Link to="/figures?screen=1">
                <DesktopOutlined aria-hidden /> 大屏展示
              </Link>
            )}
            <Link to="/figures">
              全部指标 <RightOutlined aria-hidden />
            </Link>
          </Flex>
        )}
      </Flex>
      {kind === 'unit' ? <DashboardView compact unit /> : <DashboardView compact keyIds={keyFiguresFor(roles)} />}
    </section>
  );
}
