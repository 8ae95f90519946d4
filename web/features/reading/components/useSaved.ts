// After a staff dialog saved: the message, the draft and the form cleared, the dialog closed, and every reading
// query refreshed (groups, lists and figures all come from the server again).
import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { readingKeys } from '../queries.ts';

/** After a save the page's groups, lists and figures all come from the server again. */
export function useSaved<V>(form: FormInstance<V>, clear: () => void, close: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (text: string) => {
    message.success(text);
    clear();
    form.resetFields();
    close();
    queryClient.invalidateQueries({ queryKey: readingKeys.all });
  };
}
