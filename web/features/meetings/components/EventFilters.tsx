// The filters above the list of meetings and of activities: search by name, kind, state, and anything the page adds
// (an activity's 我参加的). Values live in the URL (useListParams).
import { Select } from 'antd';
import type { ReactNode } from 'react';
import { choices, countActive, FilterBar, ParamSearch } from '../../../components/index.ts';

export function EventFilters({
  noun,
  params: p,
  setParams,
  kinds,
  states,
  kindWidth,
  stateWidth,
  extraActive = [],
  children,
}: {
  /** 会议 or 活动: the search box and the kind filter are named after it. */
  noun: string;
  params: { q: string; kind: string; status: string };
  setParams: (change: { q?: string; kind?: string; status?: string }) => void;
  kinds: Record<string, string>;
  states: Record<string, { label: string }>;
  kindWidth: number;
  stateWidth: number;
  extraActive?: string[];
  children?: ReactNode;
}) {
  return (
    <FilterBar
      active={countActive(p.kind, p.status, ...extraActive)}
      search={
        <ParamSearch
          label={`按${noun}名称查找`}
          name="q"
          params={p}
          setParams={setParams}
          style={{ maxWidth: 320, flex: '1 1 200px' }}
        />
      }
    >
      <Select
        aria-label={`${noun}类型`}
        style={{ width: kindWidth }}
        value={p.kind}
        onChange={(kind) => setParams({ kind })}
        options={[{ value: '', label: '全部类型' }, ...choices(kinds)]}
      />
      <Select
        aria-label="状态"
        style={{ width: stateWidth }}
        value={p.status}
        onChange={(status) => setParams({ status })}
        options={[
          { value: '', label: '全部状态' },
          ...Object.entries(states).map(([value, s]) => ({ value, label: s.label })),
        ]}
      />
      {children}
    </FilterBar>
  );
}
