// The rules of issue 12 that every page gets for free, checked on the source: a form with a text area keeps what is
// typed (useFormDraft / useTextDraft), and no limit cuts text silently (count={{ show: true, max }}, never maxLength).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Files whose text areas hold one short line's worth, or where keeping text on the device would be wrong. */
const NO_DRAFT: Record<string, string> = {
  'features/org/components/MemberStatus.tsx': 'a status change reason of at most 200 characters',
  'features/grassroots/components/PublicSubmitForm.tsx':
    'residents without an account, often on a shared phone: nothing is kept there',
  'features/public-site/pages/PublicIdeaPage.tsx':
    'the public without an account, often on a shared phone: nothing is kept there',
  'features/grassroots/components/PublicReception.tsx':
    'the public without an account, often on a shared phone: nothing is kept there',
};

/**
 * Folders other engineers were finishing when the rule was written; they add drafts and counters to their own forms.
 * Remove a folder from this list once its forms follow the rule.
 */
const NOT_YET: string[] = ['features/consultations/'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

const files = sources(ROOT)
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
  .filter((f) => !NOT_YET.some((folder) => f.path.startsWith(folder)));

/** The draft hooks, and hooks that keep the page's form in one (duty's useMemberRecord calls useFormDraft). */
const DRAFT_HOOKS = /\b(useFormDraft|useTextDraft|useMemberRecord)\(/;

describe('web forms keep what a member typed', () => {
  it('every file with a TextArea uses useFormDraft or useTextDraft (or is allowed with a reason)', () => {
    const missing = files
      .filter((f) => /TextArea/.test(f.text) && !DRAFT_HOOKS.test(f.text) && !NO_DRAFT[f.path])
      .map((f) => f.path);
    expect(missing, 'add useFormDraft(form, "kind:id") — see docs/architecture.md, Pages').toEqual([]);
  });

  it('the allow-list names only files that still have text areas', () => {
    for (const path of Object.keys(NO_DRAFT)) {
      const f = files.find((x) => x.path === path);
      expect(f?.text, path).toMatch(/TextArea/);
    }
  });
});

/** Fixed-length or search entries where a counter is noise: passwords, search boxes, phone numbers, codes. */
const EXACT = /^<Input\.(Password|Search)\b|inputMode="(tel|numeric)"|allowClear/;

describe('limits never cut text silently', () => {
  it('no Input or TextArea uses maxLength (it truncates a paste without a word); count={{ show: true, max }} instead', () => {
    const cutting = files.flatMap((f) =>
      [...f.text.matchAll(/<Input(?:\.TextArea)?\b[\s\S]*?\/>/g)]
        .filter((m) => /\bmaxLength=/.test(m[0]) && !EXACT.test(m[0]))
        .map((m) => `${f.path}: ${m[0].replace(/\s+/g, ' ').slice(0, 90)}`),
    );
    expect(cutting).toEqual([]);
  });
});
