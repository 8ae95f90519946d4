// onePageProps(list.data, list.isLoading): the paging props of a DataTable/ResponsiveList that shows a short list
// whole, without server paging: `<ResponsiveList {...onePageProps(items)} columns={…} />`.
import type { PagedData } from './DataTable.tsx';

/**
 * `data`: the list as the server sends it ({items,total}) or a plain array (counted here), undefined while loading;
 * `loading`: shows the table's spinner; `pageSize`: rows on the one page (500 unless a page asks for more).
 * Returns data, loading, page 1, pageSize and an onPageChange that does nothing.
 */
export function onePageProps<T>(data: PagedData<T> | T[] | undefined, loading = false, pageSize = 500) {
  return {
    data: Array.isArray(data) ? { items: data, total: data.length } : data,
    loading,
    page: 1,
    pageSize,
    onPageChange: () => {},
  };
}
