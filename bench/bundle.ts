// First-page JavaScript: builds the web app (unless NO_BUILD=1), then sums the gzip size of the JS the browser loads
// for the login page (its own small entry, login.html: decision 0023), a member's home (the server's plain page,
// home.html: decision 0027) and a staff home in the app (the entry, the signed-in frame and the HomePage chunk), read
// from Vite's manifest. Target ≤ 300 KB gzip for the login page and the member's home (issue 12).
//   npx tsx bench/bundle.ts
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist');
if (process.env.NO_BUILD !== '1') execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

/** The chunk and everything it imports statically (what the browser fetches before the page can render). */
function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}

function gzipKb(files: string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dist, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { raw: raw / 1024, gz: gz / 1024 };
}

// The signed-in frame (menu, header) is a lazy chunk of its own, loaded before any page inside it.
const LAYOUT = 'app/Layout.tsx';
// Figures before the last round of cuts (recorded in docs/architecture.md, Pages), printed beside today's.
const BEFORE: Record<string, number> = {
  '登录页 /login': 304.0,
  '委员首页 /': 316.8,
  '工作人员首页 / (应用)': 316.8,
  '我的提案 /proposals/mine': 423.7,
  '撰写提案 /proposals/new': 391.0,
};
const routes: Record<string, string[]> = {
  '登录页 /login': ['login.html'],
  '委员首页 /': ['home.html'],
  '工作人员首页 / (应用)': ['index.html', LAYOUT, 'features/home/HomePage.tsx'],
  '我的提案 /proposals/mine': ['index.html', LAYOUT, 'features/proposals/pages/ProposalListPage.tsx'],
  '撰写提案 /proposals/new': ['index.html', LAYOUT, 'features/proposals/pages/ProposalFormPage.tsx'],
};
let failed = false;
for (const [name, keys] of Object.entries(routes)) {
  const chunks = [...closure(keys)];
  const js = gzipKb(chunks.map((k) => manifest[k].file));
  const css = gzipKb([...new Set(chunks.flatMap((k) => manifest[k].css ?? []))]);
  const ok = js.gz <= 300;
  if (!ok && (name.startsWith('登录') || name.startsWith('委员'))) failed = true;
  console.log(
    `${name.padEnd(24)} JS ${js.raw.toFixed(0).padStart(5)} KB, gzip ${js.gz.toFixed(1).padStart(6)} KB ${ok ? '≤' : '>'} 300 KB` +
      ` (${chunks.length} files; CSS gzip ${css.gz.toFixed(1)} KB; before ${BEFORE[name]?.toFixed(1) ?? '-'} KB)`,
  );
}
const all = gzipKb(
  Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js')),
);
console.log(`all JS together: ${all.raw.toFixed(0)} KB, gzip ${all.gz.toFixed(1)} KB`);
process.exitCode = failed ? 1 : 0;
