// The values of a form whose rules all pass, or null when one fails. antd shows each failure under its field; what it
// throws is not an error of the page, and left uncaught (an `await form.validateFields()` in a dialog's onOk) it would
// surface as an unhandled promise rejection. Every handler that checks a form before sending it reads it through this.
// const v = await validValues(form); if (!v) return;
import type { FormInstance } from 'antd';

/** `form.validateFields()`; null instead of antd's `{ errorFields }` rejection. Other failures are thrown on. */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (err && typeof err === 'object' && 'errorFields' in err) return null;
    throw err;
  }
}
