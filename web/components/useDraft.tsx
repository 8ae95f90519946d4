// useFormDraft(form, 'proposal:new'): what a member types into a long form is kept on this device as it is typed
// (localStorage, per account and item), offered back after a reload, a crash or a new login, and removed once the
// server has saved it (issue 12: never lose what a member typed). Use it on every form with more than one line:
//   const draft = useFormDraft(form, `opinion:${id ?? 'new'}`, { ready: !existing.isLoading });
//   <Form form={form} onValuesChange={draft.onValuesChange}>…</Form>   {draft.notice} above the form
//   on successful save: draft.clear()
// In a dialog the item changes with what the dialog is for: pass null (or ready: false) while it is closed —
//   const draft = useFormDraft(form, pending ? `assignment:${pending.id}:${pending.action}` : null);
// Only text, numbers, yes/no and lists of them are kept: dates and files are chosen again in a second, text is not.
import { Alert, Button, Flex, type FormInstance } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '../app/format.ts';
import { useSession } from '../app/session.tsx';

interface Stored<V> {
  values: V;
  savedAt: string;
}

const PREFIX = 'zx:draft:';

/** The storage key of one item's draft for the signed-in account (null when nobody is signed in). */
export function draftKey(me: { committee: { id: number }; account: { id: number } } | null, item: string | null) {
  return me && item ? `${PREFIX}${me.committee.id}:${me.account.id}:${item}` : null;
}

const plain = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The values worth keeping: a dayjs date or an upload list would come back as a plain object and break its field. */
function keepable(values: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((values ?? {}) as Record<string, unknown>).filter(
      ([, v]) => plain(v) || (Array.isArray(v) && v.every(plain)),
    ),
  );
}

function read<V>(key: string | null): Stored<V> | null {
  if (!key) return null;
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<V>) : null;
  } catch {
    return null;
  }
}

function hasText(values: unknown): boolean {
  return Object.values((values ?? {}) as Record<string, unknown>).some(
    (v) => (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.length > 0),
  );
}

function same(a: unknown, b: unknown): boolean {
  const norm = (x: unknown) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries((x ?? {}) as Record<string, unknown>)
          .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
          .sort(([p], [q]) => p.localeCompare(q)),
      ),
    );
  return norm(a) === norm(b);
}

export interface FormDraft<V> {
  /** Pass to <Form onValuesChange>: stores the form's values as they are typed. */
  onValuesChange: (changed: Partial<V>, all: V) => void;
  /** The offer to restore an earlier draft (null when there is none); place it above the form. */
  notice: ReactNode;
  /** Call after the server saved the form: the local copy is no longer needed. */
  clear: () => void;
}

export function useFormDraft<V extends object>(
  form: FormInstance<V>,
  item: string | null,
  opts: { ready?: boolean } = {},
): FormDraft<V> {
  const { me } = useSession();
  const key = draftKey(me, item);
  const ready = (opts.ready ?? true) && key !== null;
  const [offer, setOffer] = useState<Stored<V> | null>(null);
  // The key the offer was decided for: a dialog opened for another item (or opened again) decides afresh.
  const decided = useRef<string | null>(null);

  // Once the form holds what the server has (ready), offer a stored draft that differs from it.
  useEffect(() => {
    if (!ready) {
      decided.current = null;
      setOffer(null);
      return;
    }
    if (decided.current === key) return;
    decided.current = key;
    // After the page's own effects have filled the form with the server's values.
    const timer = setTimeout(() => {
      const stored = read<V>(key);
      if (stored && hasText(stored.values) && !same(stored.values, keepable(form.getFieldsValue()))) setOffer(stored);
    }, 0);
    return () => clearTimeout(timer);
  }, [ready, key, form]);

  const onValuesChange = useCallback(
    (_: Partial<V>, all: V) => {
      if (!key) return;
      try {
        const values = keepable(all);
        if (hasText(values)) localStorage.setItem(key, JSON.stringify({ values, savedAt: new Date().toISOString() }));
      } catch {
        // Storage full or disabled (private mode): typing goes on; only the local copy is missing.
      }
    },
    [key],
  );

  const clear = useCallback(() => {
    if (key) localStorage.removeItem(key);
    setOffer(null);
  }, [key]);

  const notice = useMemo(
    () =>
      offer ? (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="draft-offer"
          style={{ marginBottom: 16 }}
          title={`本机保存有 ${formatDateTime(offer.savedAt)} 未保存到服务器的内容`}
          description={
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Button
                type="primary"
                onClick={() => {
                  form.setFieldsValue(offer.values as Parameters<typeof form.setFieldsValue>[0]);
                  setOffer(null);
                }}
              >
                恢复这些内容
              </Button>
              <Button
                onClick={() => {
                  if (key) localStorage.removeItem(key);
                  setOffer(null);
                }}
              >
                不用了，删除
              </Button>
            </Flex>
          }
        />
      ) : null,
    [offer, form, key],
  );
  return { onValuesChange, notice, clear };
}

/**
 * The same rule for one text box held in React state (a reply box under an item, not an antd Form): what was typed
 * comes back in the box by itself after a reload or a new login, until clear() after the server saved it.
 */
export function useTextDraft(item: string | null): [string, (text: string) => void, () => void] {
  const { me } = useSession();
  const key = draftKey(me, item);
  const [text, setText] = useState(() => read<{ text: string }>(key)?.values.text ?? '');
  const loaded = useRef(key);
  if (loaded.current !== key) {
    // Another item in the same box (or the account became known): show that item's draft.
    loaded.current = key;
    setText(read<{ text: string }>(key)?.values.text ?? '');
  }
  const change = useCallback(
    (next: string) => {
      setText(next);
      if (!key) return;
      try {
        if (next.trim())
          localStorage.setItem(key, JSON.stringify({ values: { text: next }, savedAt: new Date().toISOString() }));
        else localStorage.removeItem(key);
      } catch {
        // Storage full or disabled: typing goes on.
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    if (key) localStorage.removeItem(key);
    setText('');
  }, [key]);
  return [text, change, clear];
}
