// The top of the list of meetings and of activities: the page header with staff's 新建 button (EventListHeader), and the
// filters: search by name, kind, state, and anything the page adds (an activity's 我参加的). Values live in the URL
// (useListParams). <EventListHeader title="会议" noun="会议" newPath="/meetings/new" manage={manage} description="…" />
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { choices, countActive, FilterBar, PageHeader, ParamSearch } from '../../../components/index.ts';

/** The list page's h1 and description; staff (`manage`) get a 新建{noun} button that opens `newPath`. */
export function EventListHeader({
  title,
  noun,
  description,
  newPath,
  manage,
}: {
  title: string;
  noun: string;
  description: ReactNode;
  newPath: string;
  manage: boolean;
}) {
  const navigate = useNavigate();
  return (
    <PageHeader
      title={title}
      description={description}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(newPath)}>
            新建{noun}
          </Button>
        )
      }
    />
  );
}

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
