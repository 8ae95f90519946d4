// The audit log page (permission audit.read).
import { AuditOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { lazyPage } from '../../app/lazyPage.tsx';
import type { FeatureRoute } from '../types.ts';

const AuditPage = lazyPage(() => import('./AuditPage.tsx').then((m) => m.AuditPage));

export const auditRoutes: FeatureRoute[] = [
  {
    path: 'audit',
    element: createElement(AuditPage),
    menu: { label: '审计日志', icon: createElement(AuditOutlined), group: '系统管理', order: 800 },
    permissions: ['audit.read'],
  },
];
