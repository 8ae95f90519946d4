// The frame of a public grassroots page (no account, no menu): a narrow column with the page's h1.
import { Typography } from 'antd';

export function PublicFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}
