// The frame of an invited citizen's discussion page (no account, no menu): a narrow column with the page's h1.
import { Typography } from 'antd';

export function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 16, fontSize: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}
