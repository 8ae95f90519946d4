// A list page's table block: the list's load error, then its server-paged DataTable in a Card.
// <TableCard<Member> error={error} {...pagedProps({ data, isFetching }, params, setParams)} columns={…} />
import { Card } from 'antd';
import { DataTable, type DataTableProps } from './DataTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

/** DataTable's props (data, page, pageSize, onPageChange, columns…) and `error`: the list query's error, shown above. */
export function TableCard<T extends object>({ error, ...table }: DataTableProps<T> & { error: unknown }) {
  return (
    <>
      <ErrorAlert error={error} />
      <Card>
        <DataTable<T> {...table} />
      </Card>
    </>
  );
}
