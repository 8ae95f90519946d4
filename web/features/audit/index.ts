// The audit log page (permission audit.read).
import { AuditOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { FeatureRoute } from '../types.ts';
import { AuditPage } from './AuditPage.tsx';

export const auditRoutes: FeatureRoute[] = [
  {
    path: 'audit',
    element: createElement(AuditPage),
    menu: { label: '审计日志', icon: createElement(AuditOutlined), group: '系统管理', order: 800 },
    permissions: ['audit.read'],
  },
];
