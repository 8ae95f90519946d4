// The 随手拍 list of one scope: staff see every item with filters (state, unit, overdue, disputed) and the Excel export;
// a unit the items dispatched to it; a member their own. Overdue and disputed items come first and are flagged.
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Select } from 'antd';
import { Link } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  FilterBar,
  pagedProps,
  ResponsiveList,
  UnitSelect,
  useListParams,
} from '../../../components/index.ts';
import { type Report, type Scope, STATE_OPTIONS } from '../api.ts';
import { supervisionKeys } from '../queries.ts';
import { ReportCard } from './ReportCard.tsx';
import { ReportFlags } from './ReportFlags.tsx';

const URL: Record<Scope, string> = {
  staff: '/api/supervision/reports',
  unit: '/api/supervision/reports/unit',
  mine: '/api/supervision/reports/mine',
};

export function ReportList({ scope }: { scope: Scope }) {
  const [params, setParams] = useListParams({ state: '', unitId: '', overdue: '', disputed: '' });
  const filters = {
    state: params.state || undefined,
    unitId: scope === 'staff' && params.unitId ? Number(params.unitId) : undefined,
    overdue: params.overdue === 'true' || undefined,
    disputed: params.disputed === 'true' || undefined,
  };
  const list = useQuery({
    queryKey: supervisionKeys.list(scope, filters, params.page, params.pageSize),
    queryFn: () =>
      api.get<{ items: Report[]; total: number }>(
        `${URL[scope]}${qs({ ...filters, page: params.page, pageSize: params.pageSize })}`,
      ),
  });
  const active = [filters.state, filters.unitId, filters.overdue, filters.disputed].filter(Boolean).length;
  return (
    <>
      <FilterBar active={active}>
        <Select
          aria-label="状态"
          value={params.state}
          onChange={(state) => setParams({ state })}
          style={{ width: 160 }}
          options={STATE_OPTIONS}
        />
        {scope === 'staff' && (
          <UnitSelect
            ariaLabel="承办单位"
            style={{ minWidth: 200 }}
            value={params.unitId ? Number(params.unitId) : undefined}
            onChange={(u) => setParams({ unitId: u ? String(u) : '' })}
            allowClear
          />
        )}
        <Checkbox
          checked={params.overdue === 'true'}
          onChange={(e) => setParams({ overdue: e.target.checked ? 'true' : '' })}
        >
          只看超期
        </Checkbox>
        <Checkbox
          checked={params.disputed === 'true'}
          onChange={(e) => setParams({ disputed: e.target.checked ? 'true' : '' })}
        >
          只看有异议
        </Checkbox>
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<Report>
        {...pagedProps(list, params, setParams, { loading: 'first' })}
        unit="件"
        locale={{ emptyText: '暂无随手拍' }}
        card={(r) => <ReportCard r={r} scope={scope} />}
        columns={[
          {
            title: '问题',
            dataIndex: 'text',
            render: (t: string, r) => (
              <Link to={`/supervision/${r.id}`}>{t.length > 40 ? `${t.slice(0, 40)}…` : t}</Link>
            ),
          },
          { title: '状态', key: 'state', render: (_: unknown, r) => <ReportFlags r={r} /> },
          { title: '地点', dataIndex: 'place' },
          ...(scope === 'mine' ? [] : [{ title: '委员', dataIndex: 'memberName' }]),
          { title: '承办单位', dataIndex: 'unitName' },
          { title: '答复期限', dataIndex: 'dueOn' },
          { title: '提交时间', dataIndex: 'filedAt', render: (t: string) => formatDateTime(t) },
        ]}
      />
      {scope === 'staff' && (
        <ExportButton url={`/api/supervision/reports/export${qs(filters)}`} style={{ marginTop: 12 }} />
      )}
    </>
  );
}
