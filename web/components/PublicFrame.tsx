// The frame of a page for the public, who have no account (public site, grassroots' public pages, an invited citizen's
// discussion): no menu, a centred narrow column with the page's h1 above the page.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * `title` is the page's h1. `width` is the column's maximum width in px (720 by default; the public site uses 760).
 * `fontSize` is the body text size in px (inherited when absent; 16 for the invited discussion, read on phones).
 * `titleSize` is the h1's CSS font size (24 px by default; the public site's is '1.5em').
 */
export function PublicFrame({
  title,
  children,
  width = 720,
  fontSize,
  titleSize = 24,
}: {
  title: string;
  children: ReactNode;
  width?: number;
  fontSize?: number;
  titleSize?: number | string;
}) {
  return (
    <main style={{ maxWidth: width, margin: '0 auto', padding: 16, fontSize }}>
      <Typography.Title level={1} style={{ fontSize: titleSize }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}
