// The empty state of tables, lists and selects (<EmptyText text="暂无提案" />), in a file of its own so the app's
// ConfigProvider renderEmpty (web/app/App.tsx) can use it without pulling the table code into the shell.
import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * The empty state of a table or list: `text` (a node, or antd's function form; default 暂无数据) in the theme's
 * colorTextSecondary. antd greys it (#bfbfbf, contrast 1.8 on white), which axe refuses at every text size.
 */
export function EmptyText({ text }: { text?: ReactNode | (() => ReactNode) }) {
  const { token } = theme.useToken();
  const content = typeof text === 'function' ? text() : (text ?? '暂无数据');
  return <span style={{ color: token.colorTextSecondary }}>{content}</span>;
}
