// Error ids are the contract a client branches on, so each must mean one thing: one HTTP status, one owner. An id a
// module raises belongs to that module (another module raising the same fault calls the owner's named factory, e.g.
// org's memberNotFound()); ids the platform raises (validation, auth.*, file.*, import.*, workflow.* …) may be raised
// anywhere. The catalogue in docs/errors.md is generated here, so every new or changed id shows in review
// (update with `npx vitest run error-ids -u`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const STATUS: Record<string, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
};
// badRequest('id', 'message' | `message`, …), new AppError(409, 'id', …)
const RAISE =
  /\b(badRequest|unauthorized|forbidden|notFound|conflict|new AppError)\(\s*(?:(\d{3})\s*,\s*)?'([^']+)'\s*,\s*('[^']*'|`[^`]*`)?/g;

interface Raise {
  id: string;
  status: number;
  message: string;
  owner: string;
  file: string;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [p] : [];
  });
}

function raises(): Raise[] {
  return sources(ROOT).flatMap((file) => {
    const rel = path.relative(ROOT, file);
    const owner = rel.startsWith('modules/') ? rel.split('/')[1] : 'platform';
    return [...fs.readFileSync(file, 'utf8').matchAll(RAISE)].map((m) => ({
      id: m[3],
      status: m[2] ? Number(m[2]) : STATUS[m[1]],
      message: (m[4] ?? '').slice(1, -1).replace(/\$\{[^}]*\}/g, '…'),
      owner,
      file: rel,
    }));
  });
}

function catalogue(all: Raise[]): string {
  const byId = new Map<string, Raise[]>();
  for (const r of all) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const rows = [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rs]) => {
      const messages = [...new Set(rs.map((r) => r.message).filter(Boolean))].sort().join('<br>');
      const owners = [...new Set(rs.map((r) => r.owner))].sort().join('、');
      return `| \`${id}\` | ${rs[0].status} | ${messages.replace(/\|/g, '\\|')} | ${owners} |`;
    });
  return [
    '# 错误编号',
    '',
    '本文件由 `server/platform/error-ids.test.ts` 从代码生成，勿手改（`npx vitest run error-ids -u` 更新）。',
    '客户端按编号判断错误；同一编号只有一个 HTTP 状态、一个归属模块。「…」处为运行时填入的字段名或数值。',
    '',
    '| 编号 | 状态 | 提示（中文） | 归属 |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('error ids', () => {
  const all = raises();

  it('finds the errors the code raises', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('are written area.fault in lower case (validation stands alone)', () => {
    const bad = all.filter((r) => r.id !== 'validation' && !/^[a-z][a-zA-Z]*(\.[a-z][a-z0-9_]*)+$/.test(r.id));
    expect(bad.map((r) => `${r.id} (${r.file})`)).toEqual([]);
  });

  it('each has one HTTP status', () => {
    const statuses = new Map<string, Set<number>>();
    for (const r of all) statuses.set(r.id, (statuses.get(r.id) ?? new Set()).add(r.status));
    const mixed = [...statuses].filter(([, s]) => s.size > 1).map(([id, s]) => `${id}: ${[...s].join('/')}`);
    expect(mixed).toEqual([]);
  });

  it('each belongs to one module, unless the platform raises it', () => {
    const owners = new Map<string, Set<string>>();
    for (const r of all) owners.set(r.id, (owners.get(r.id) ?? new Set()).add(r.owner));
    const shared = [...owners]
      .filter(([, o]) => o.size > 1 && !o.has('platform'))
      .map(([id, o]) => `${id}: ${[...o].join('、')}`);
    expect(shared).toEqual([]);
  });

  it('docs/errors.md lists every id with its status, messages and owner', async () => {
    await expect(catalogue(all)).toMatchFileSnapshot(path.resolve(ROOT, '../docs/errors.md'));
  });
});
