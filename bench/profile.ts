// PROFILE=<file prefix>: a V8 CPU profile of the bench process's main thread (the app and the bench client) around one
// phase, written as <prefix>-<phase>.cpuprofile (open it in Chrome DevTools' Performance tab or speedscope), and the
// functions with the most self time printed. Without PROFILE the phase just runs.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

/** Runs `phase`, profiling it when PROFILE is set; prints the top `TOP_FUNCTIONS` (default 25) by self time. */
export async function profiled<T>(name: string, phase: () => Promise<T>): Promise<T> {
  const prefix = process.env.PROFILE;
  if (!prefix) return phase();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 }); // µs
  await session.post('Profiler.start');
  const result = await phase();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const file = `${prefix}-${name.replace(/\W+/g, '-')}.cpuprofile`;
  fs.writeFileSync(file, JSON.stringify(profile));
  const nodes = profile.nodes as Node[];
  const total = nodes.reduce((a, n) => a + n.hitCount, 0);
  const self = new Map<string, number>();
  for (const n of nodes) {
    const where = n.callFrame.url.replace(/^.*\/(node_modules|server|bench)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${where}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
  }
  console.log(`  profile ${file}: ${total} samples; most self time:`);
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP_FUNCTIONS ?? 25)))
    console.log(`    ${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
  return result;
}
