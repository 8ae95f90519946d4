// const save = useFormSave(form): the saving state of a dialog or drawer form that sends itself with a plain api call.
// `await save.run(async () => { await api.post(…); onClose(); })` sets `saving` while sending, keeps the failure in
// `error` for <ErrorAlert error={save.error} />, and puts a server error that names a field (ApiError.field) under that
// field of the form. `save.clear()` forgets the last error (e.g. when the dialog opens again).
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface FormSave {
  /** True while run()'s sender is in flight. */
  saving: boolean;
  /** What the last run() threw, null when none (or after clear()). */
  error: unknown;
  /** Runs `send`; never throws (the failure lands in `error` and, when it names a field, on that field). */
  run: (send: () => Promise<unknown>) => Promise<void>;
  clear: () => void;
}

export function useFormSave(form: FormInstance): FormSave {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (send: () => Promise<unknown>) => {
    setSaving(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.field) form.setFields([{ name: err.field, errors: [err.message] }]);
    } finally {
      setSaving(false);
    }
  };
  const clear = useCallback(() => setError(null), []);
  return { saving, error, run, clear };
}
