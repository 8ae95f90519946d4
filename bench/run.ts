// `npm run bench` lists the benches with the first line of each one's header; `npm run bench -- <name>` runs one
// (bench/<name>.ts) in this process's environment, so `scripts/with-postgres.sh npm run bench -- writes` gives it a
// throwaway PostgreSQL. Benches are not part of `npm test`: their figures move with the machine's load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const HELPERS = new Set(['run', 'setup', 'listen', 'vote-load', 'generate-proposals', 'generate-opinions']);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !HELPERS.has(f.slice(0, -3)))
  .map((f) => f.slice(0, -3))
  .sort();

const name = process.argv[2];
if (!name) {
  for (const b of benches) {
    const first = fs
      .readFileSync(path.join(dir, `${b}.ts`), 'utf8')
      .split('\n')[0]
      .replace(/^\/\/\s*/, '');
    console.log(`${b.padEnd(16)} ${first}`);
  }
  console.log('\nnpm run bench -- <name>   (PostgreSQL benches: scripts/with-postgres.sh npm run bench -- <name>)');
} else if (!benches.includes(name)) {
  console.error(`No bench named "${name}". Benches: ${benches.join(', ')}`);
  process.exit(2);
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...process.argv.slice(3)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
