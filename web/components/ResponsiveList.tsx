// <ResponsiveList columns={…} data={…} page pageSize onPageChange card={(r) => …} />: the one list of a page — a DataTable
// on a tablet or desktop, a column of cards on a phone (< 768 px), where a table would only scroll sideways. Without
// `card`, each card is built from the columns themselves (the `titleColumn` as its heading, the others as 名称：值 lines),
// so a page gets phone cards by swapping DataTable for ResponsiveList.
import { Card, Flex, Grid, List, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { DataTable, type DataTableProps } from './DataTable.tsx';
import { EmptyText } from './EmptyText.tsx';

export interface ResponsiveListProps<T> extends DataTableProps<T> {
  /** A card of its own for a row (phones); default: built from the columns. */
  card?: (row: T, index: number) => ReactNode;
  /** The column (dataIndex or key) whose cell is the card's heading; default: the first column. */
  titleColumn?: string;
  /** Columns left off the card (dataIndex or key), e.g. figures that only matter side by side. */
  hideOnCard?: string[];
  /** What the total counts, as in 共 12 件 (default 条). */
  unit?: string;
}

type Col<T> = ColumnType<T> & { children?: unknown };
// antd types dataIndex as a deep path of T; reading it as plain keys keeps the type checker from expanding that path.
type PlainIndex = string | number | readonly (string | number)[] | undefined;

function columnId<T>(c: Col<T>): string {
  const di = c.dataIndex as PlainIndex;
  return String(c.key ?? (Array.isArray(di) ? di.join('.') : (di ?? '')));
}

function cellOf<T>(c: Col<T>, row: T, index: number): ReactNode {
  const di = c.dataIndex as PlainIndex;
  const path: readonly (string | number)[] = Array.isArray(di) ? di : di === undefined ? [] : [di as string | number];
  let value: unknown = row;
  for (const p of path) value = value == null ? undefined : (value as Record<string, unknown>)[p as string];
  if (path.length === 0) value = undefined;
  const out = c.render ? c.render(value, row, index) : value;
  // A render may return {children, props} (antd cell props): a card shows only the children.
  if (
    out &&
    typeof out === 'object' &&
    !Array.isArray(out) &&
    'children' in (out as object) &&
    'props' in (out as object)
  )
    return (out as { children: ReactNode }).children;
  return (out as ReactNode) ?? null;
}

function isEmpty(node: ReactNode): boolean {
  return node === null || node === undefined || node === '' || node === false || node === '—';
}

/** A card built from a table's columns: heading, then one 名称：值 line per other column that has a value. */
export function ColumnCard<T>({
  row,
  index,
  columns,
  titleColumn,
  hideOnCard,
}: {
  row: T;
  index: number;
  columns: Col<T>[];
  titleColumn?: string;
  hideOnCard?: string[];
}) {
  const visible = columns.filter((c) => !hideOnCard?.includes(columnId(c)));
  const head = visible.find((c) => columnId(c) === titleColumn) ?? visible[0];
  const rest = visible.filter((c) => c !== head);
  return (
    <Card style={{ width: '100%' }} styles={{ body: { padding: 16 } }}>
      {head && <div style={{ fontSize: '1.125em', fontWeight: 600 }}>{cellOf(head, row, index)}</div>}
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        {rest.map((c) => {
          const cell = cellOf(c, row, index);
          if (isEmpty(cell)) return null;
          const label = typeof c.title === 'string' ? c.title : '';
          return (
            <div key={columnId(c)} style={{ overflowWrap: 'anywhere' }}>
              {label && <Typography.Text type="secondary">{label}：</Typography.Text>}
              {cell}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}

export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const { card, titleColumn, hideOnCard, unit = '条', ...table } = props;
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: treat that as a wide screen (no flash of cards on a desktop).
  if (screens.md !== false) return <DataTable<T> {...table} />;
  const { data, page, pageSize, onPageChange, loading, rowKey = 'id', columns = [], locale } = table;
  const keyOf = (row: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(row, i) : ((row as Record<string, Key>)[rowKey as string] ?? i);
  return (
    <List<T>
      loading={Boolean(loading)}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <EmptyText text={locale?.emptyText} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        onChange: onPageChange,
        showTotal: (t) => `共 ${t} ${unit}`,
        size: 'small',
        showSizeChanger: false,
      }}
      renderItem={(row, i) => (
        <List.Item key={keyOf(row, i)} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
          {card ? (
            card(row, i)
          ) : (
            <ColumnCard<T>
              row={row}
              index={i}
              columns={columns as Col<T>[]}
              titleColumn={titleColumn}
              hideOnCard={hideOnCard}
            />
          )}
        </List.Item>
      )}
    />
  );
}
