// Load fast (issue 12): a feature's index.ts is in every first page's JS (the menu is built from it), so it imports its
// pages lazily (lazyPage) — a static import of a page puts that page and its libraries into the login page's JS.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = import.meta.dirname;

function indexFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return indexFiles(path);
    return name === 'index.ts' ? [path] : [];
  });
}

describe('feature routes are chunks of their own', () => {
  it('no feature index.ts imports a page statically', () => {
    const eager = indexFiles(ROOT)
      .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
      .flatMap((f) =>
        [...f.text.matchAll(/^import (?!type )[^;]*? from '(\.[^']+\.tsx)';/gm)]
          .filter((m) => !m[1].endsWith('/lazyPage.tsx'))
          .map((m) => `${f.path}: ${m[1]}`),
      );
    expect(eager, 'declare pages with lazyPage(() => import(…)) — docs/architecture.md, Pages').toEqual([]);
  });
});
