// The process tables in docs/processes/ are generated from the definitions: a change to a process that is not reflected
// in its table fails here (update with `npx vitest run describe -u` and review the diff).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../modules/index.ts';
import { describeProcess } from './describe.ts';
import { listProcesses } from './engine.ts';

describe('process tables', () => {
  const processes = listProcesses();
  it('finds the processes of every module', () => {
    expect(processes.length).toBeGreaterThanOrEqual(3);
  });
  for (const p of processes) {
    it(`docs/processes/${p.name}.md matches the definition`, async () => {
      const file = path.resolve(import.meta.dirname, '../../../docs/processes', `${p.name}.md`);
      await expect(describeProcess(p)).toMatchFileSnapshot(file);
    });
  }
});
