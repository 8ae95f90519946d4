// What the two registers of grassroots places (协商议事室 /grassroots/rooms, 委员工作室 /grassroots/studios) share: the
// paged list read from /api/grassroots/<kind>, shown with the place's name linked to its page, and registering a new
// place from a FormDialog.
// const reg = usePlaceRegister<Room>('rooms', params, setParams, (r) => navigate(`/grassroots/rooms/${r.id}`));
// <PlaceList reg={reg} noun="议事室" fields={{ township: '镇（街道）' }} />
// <FormDialog title="登记协商议事室" dialog={reg.dialog} mutation={reg.create}>…</FormDialog>
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { api, qs } from '../../../api/client.ts';
import {
  ErrorAlert,
  linkColumn,
  pagedProps,
  ResponsiveList,
  textColumns,
  useFormDialog,
} from '../../../components/index.ts';
import { grassrootsKeys } from '../queries.ts';

type Kind = 'rooms' | 'studios';
type Paging = { page: number; pageSize: number };

/**
 * `kind`: which register; `params`/`setParams`: the list's filters and page (useListParams; sent as the query string,
 * the list pages through setParams); `onCreated`: what follows
 * a registration once the list is refreshed (e.g. open the new place's page). Returns the list query, the form
 * dialog's state and the create mutation (POST /api/grassroots/<kind> with the dialog's values; on success 已登记,
 * the dialog closes and empties, and the register's queries refresh).
 */
export function usePlaceRegister<T>(
  kind: Kind,
  params: Paging & Record<string, string | number>,
  setParams: (patch: Paging) => void,
  onCreated?: (created: { id: number }) => void,
) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const dialog = useFormDialog();
  const list = useQuery({
    queryKey: kind === 'rooms' ? grassrootsKeys.roomList(params) : grassrootsKeys.studioList(params),
    queryFn: () => api.get<{ items: T[]; total: number }>(`/api/grassroots/${kind}${qs(params)}`),
  });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: number }>(`/api/grassroots/${kind}`, v),
    onSuccess: (created) => {
      message.success('已登记');
      dialog.close();
      dialog.form.resetFields();
      qc.invalidateQueries({ queryKey: grassrootsKeys[kind] });
      onCreated?.(created);
    },
  });
  return { kind, params, setParams, list, dialog, create };
}

/**
 * The register's list (table, or cards on a phone; 共 N 个): `noun` heads the name column, `fields` are plain columns
 * (field → heading, in order), `more` any further columns.
 */
export function PlaceList<T extends { id: number }>(props: {
  reg: Pick<ReturnType<typeof usePlaceRegister<T>>, 'kind' | 'list' | 'params' | 'setParams'>;
  noun: string;
  fields: Record<string, string>;
  more?: ColumnType<T>[];
}) {
  const { reg } = props;
  return (
    <>
      <ErrorAlert error={reg.list.error} />
      <ResponsiveList<T>
        {...pagedProps(reg.list, reg.params, reg.setParams)}
        unit="个"
        columns={[
          linkColumn(props.noun, 'name', (r) => `/grassroots/${reg.kind}/${r.id}`),
          ...textColumns(props.fields),
          ...(props.more ?? []),
        ]}
      />
    </>
  );
}
