// Renders a process definition as a Markdown table (from → action (label, roles) → to), so docs/processes/ shows every
// process on one screen and a reviewer sees any change to a process as a diff of its table.
import { ROLES } from '../auth/permissions.ts';
import type { Process } from './engine.ts';

const stateName = (p: Process<any>, s: string) => `${p.states[s] ?? s}（${s}）`;

/** One Markdown document per process: its states, then one row per transition. */
export function describeProcess(p: Process<any>): string {
  const lines = [
    `# ${p.name}`,
    '',
    `对象：\`${p.entity}\`。本文件由 \`server/platform/workflow/describe.test.ts\` 从流程定义生成，勿手改（\`npx vitest run describe -u\` 更新）。`,
    '',
    '## 状态',
    '',
    ...Object.entries(p.states).map(([code, label]) => `- ${label}（\`${code}\`）`),
    '',
    '## 流转',
    '',
    '| 从 | 操作 | 可执行角色 | 到 | 条件 | 须填意见 | 期限 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const t of p.transitions) {
    const to = typeof t.to === 'function' ? '（视情况而定）' : stateName(p, t.to);
    const roles = t.roles.map((r) => ROLES[r] ?? r).join('、');
    lines.push(
      `| ${t.from.map((s) => stateName(p, s)).join('、')} | ${t.label}（\`${t.action}\`） | ${roles} | ${to} | ${t.guard ? '有' : ''} | ${t.commentRequired ? '是' : ''} | ${t.deadline ? '有' : ''} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
