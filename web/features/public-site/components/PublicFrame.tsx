// The frame of the public site's pages (no sign-in, no menu): the committee's name as the heading and the page below.
import { Typography } from 'antd';

/** The public page's frame: `title` as its heading. */
export function PublicFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: '1.5em' }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}
