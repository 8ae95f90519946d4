// useFormDraft(form, 'proposal:new'): what a member types into a long form is kept on this device as it is typed
// (localStorage, per account and item), offered back after a reload, a crash or a new login, and removed once the
// server has saved it (issue 12: never lose what a member typed). Use it on every form with more than one line:
//   const draft = useFormDraft(form, `opinion:${id ?? 'new'}`, { ready: !existing.isLoading });
//   <Form form={form} onValuesChange={draft.onValuesChange}>…</Form>   {draft.notice} above the form
//   on successful save: draft.clear()
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
export function draftKey(me: { committee: { id: number }; account: { id: number } } | null, item: string) {
  return me ? `${PREFIX}${me.committee.id}:${me.account.id}:${item}` : null;
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
  item: string,
  opts: { ready?: boolean } = {},
): FormDraft<V> {
  const { me } = useSession();
  const key = draftKey(me, item);
  const ready = opts.ready ?? true;
  const [offer, setOffer] = useState<Stored<V> | null>(null);
  const decided = useRef(false);

  // Once the form holds what the server has (ready), offer a stored draft that differs from it.
  useEffect(() => {
    if (!ready || decided.current) return;
    decided.current = true;
    // After the page's own effects have filled the form with the server's values.
    const timer = setTimeout(() => {
      const stored = read<V>(key);
      if (stored && hasText(stored.values) && !same(stored.values, form.getFieldsValue())) setOffer(stored);
    }, 0);
    return () => clearTimeout(timer);
  }, [ready, key, form]);

  const onValuesChange = useCallback(
    (_: Partial<V>, all: V) => {
      if (!key) return;
      try {
        if (hasText(all)) localStorage.setItem(key, JSON.stringify({ values: all, savedAt: new Date().toISOString() }));
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
