// const [params, setParams] = useListParams({ status: '' }): a list page's filters, page and pageSize kept in the URL
// (so 返回 and shared links keep them). Setting any filter goes back to page 1.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type ListParams<F extends Record<string, string>> = F & { page: number; pageSize: number };

export function useListParams<F extends Record<string, string>>(
  defaults: F,
  defaultPageSize = 20,
): [ListParams<F>, (patch: Partial<F> & { page?: number; pageSize?: number }) => void, () => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL string is the state; defaults are a literal.
  const params = useMemo(() => {
    const out: Record<string, string | number> = { ...defaults };
    for (const k of Object.keys(defaults)) out[k] = search.get(k) ?? defaults[k];
    out.page = Math.max(1, Number(search.get('page')) || 1);
    out.pageSize = Math.min(500, Math.max(1, Number(search.get('pageSize')) || defaultPageSize));
    return out as ListParams<F>;
  }, [key, defaultPageSize]);
  const set = useCallback(
    (patch: Partial<F> & { page?: number; pageSize?: number }) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const filterChanged = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize');
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (filterChanged && patch.page === undefined) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  const reset = useCallback(() => setSearch(new URLSearchParams(), { replace: true }), [setSearch]);
  return [params, set, reset];
}

/**
 * The paging props of a DataTable/ResponsiveList from a list query and useListParams:
 * `<DataTable {...pagedProps(list, params, setParams)} columns={…} />` (data, loading while fetching, page, pageSize
 * and onPageChange writing page and pageSize back to the URL).
 * `opts.loading`: 'fetching' (default) spins on every fetch, refetches included; 'first' spins only while the query
 * has no data yet (react-query's isLoading), so a background refetch keeps the rows still:
 * `pagedProps(list, p, setP, { loading: 'first' })`.
 */
export function pagedProps<D>(
  query: { data: D | undefined; isFetching: boolean; isLoading?: boolean },
  params: { page: number; pageSize: number },
  setParams: (patch: { page: number; pageSize: number }) => void,
  opts: { loading?: 'fetching' | 'first' } = {},
) {
  return {
    data: query.data,
    loading: opts.loading === 'first' ? (query.isLoading ?? query.isFetching) : query.isFetching,
    page: params.page,
    pageSize: params.pageSize,
    onPageChange: (page: number, pageSize: number) => setParams({ page, pageSize }),
  };
}
