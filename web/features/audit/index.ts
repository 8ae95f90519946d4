// The audit log page (permission audit.read).
import { AuditOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../types.ts';

const AuditPage = lazyPage(() => import('./AuditPage.tsx').then((m) => m.AuditPage));

export const auditRoutes: FeatureRoute[] = [
  route('audit', AuditPage, ['audit.read'], menu('审计日志', AuditOutlined, '系统管理', 800)),
];
