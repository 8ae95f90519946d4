// The offline dependency check reports hijacked releases, advisories and packages from outside the npm registry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (lockFile?: string) =>
  spawnSync(process.execPath, ['scripts/check-deps.mjs', ...(lockFile ? [lockFile] : [])], { encoding: 'utf8' });

describe('dependency check', () => {
  it('passes the project lock file', () => {
    const res = run();
    expect(res.status, res.stderr).toBe(0);
  });

  it('fails a lock file with a hijacked release, a vulnerable version or a foreign source', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deps-')), 'package-lock.json');
    const pkg = (version: string, resolved = `https://registry.npmjs.org/x/-/x-${version}.tgz`) => ({
      version,
      resolved,
      integrity: 'sha512-x',
    });
    fs.writeFileSync(
      file,
      JSON.stringify({
        packages: {
          '': { name: 'x' },
          'node_modules/debug': pkg('4.4.2'),
          'node_modules/a/node_modules/cross-spawn': pkg('7.0.3'),
          'node_modules/left-pad': pkg('1.3.0', 'https://example.com/left-pad.tgz'),
          'node_modules/semver': pkg('7.6.0'),
        },
      }),
    );
    const res = run(file);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('debug@4.4.2: 2025-09: hijacked');
    expect(res.stderr).toContain('cross-spawn@7.0.3: CVE-2024-21538');
    expect(res.stderr).toContain('left-pad@1.3.0: fetched from https://example.com/left-pad.tgz');
    expect(res.stderr).not.toContain('semver');
  });
});
