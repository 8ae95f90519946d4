// The plain centred frame of the pages shown before the app (login, first password change).
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PRIMARY } from '../../app/theme.ts';

export function AuthFrame({ children, subtitle }: { children: ReactNode; subtitle?: string }) {
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '48px 16px' }}>
      <header style={{ textAlign: 'center', marginBottom: 24 }}>
        <div
          aria-hidden
          style={{
            width: 56,
            height: 56,
            borderRadius: 12,
            background: PRIMARY,
            color: '#fff',
            fontSize: 28,
            lineHeight: '56px',
            margin: '0 auto 12px',
            fontWeight: 700,
          }}
        >
          政
        </div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          数字政协履职平台
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {subtitle}
          </Typography.Paragraph>
        )}
      </header>
      <main style={{ width: '100%', maxWidth: 440 }}>{children}</main>
    </Flex>
  );
}
