// The "nothing here" text of tables and lists, dark enough to read (antd's default grey fails WCAG contrast).
import type { ReactNode } from 'react';

export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959', fontSize: 16 }}>{children}</span>;
}
