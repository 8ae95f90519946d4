// Offline dependency check, run by `npm run lint` (so by `npm test`): package-lock.json against a reviewed list of
// hijacked releases and published advisories (scripts/deps/known-bad.json), and every package fetched from the npm
// registry with an integrity hash. `npm audit` needs an advisory service these machines cannot reach.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// An optional argument names another lock file (the check's own test uses one).
const lock = JSON.parse(fs.readFileSync(process.argv[2] ?? path.join(root, 'package-lock.json'), 'utf8'));
const bad = JSON.parse(fs.readFileSync(path.join(root, 'scripts/deps/known-bad.json'), 'utf8'));

/** Compares plain x.y.z versions (a pre-release counts as its release, which errs towards reporting). */
function cmp(a, b) {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}

const problems = [];
let count = 0;
for (const [where, pkg] of Object.entries(lock.packages ?? {})) {
  if (!where || pkg.link) continue;
  const name = pkg.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const version = pkg.version;
  count++;
  for (const m of bad.malicious) {
    if (m.name === name && m.versions.includes(version)) problems.push(`${name}@${version}: ${m.note} (${where})`);
  }
  for (const v of bad.vulnerable) {
    if (v.name !== name) continue;
    if ((!v.from || cmp(version, v.from) >= 0) && cmp(version, v.below) < 0)
      problems.push(`${name}@${version}: ${v.note}, fixed in ${v.below} (${where})`);
  }
  if (pkg.resolved && !pkg.resolved.startsWith('https://registry.npmjs.org/'))
    problems.push(`${name}@${version}: fetched from ${pkg.resolved}, not the npm registry`);
  if (pkg.resolved && !pkg.integrity) problems.push(`${name}@${version}: no integrity hash in the lock file`);
}

if (problems.length) {
  console.error(`依赖检查：${count} 个包中发现 ${problems.length} 个问题 (dependency check found problems):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`依赖检查通过：${count} 个包，无已知恶意版本或公开漏洞 (dependency check passed)`);
