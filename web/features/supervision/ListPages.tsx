// 随手拍 lists: staff see every item with filters (state, unit, overdue, disputed) and the Excel export; a unit the
// items dispatched to it; a member their own. Overdue and disputed items come first and are flagged.
import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  FilterBar,
  PageHeader,
  ResponsiveList,
  useListParams,
} from '../../components/index.ts';
import { ReportFlags } from './shared.tsx';
import { type Report, STATE_OPTIONS } from './types.ts';
import { UnitSelect } from './UnitSelect.tsx';

type Scope = 'staff' | 'unit' | 'mine';
const URL: Record<Scope, string> = {
  staff: '/api/supervision/reports',
  unit: '/api/supervision/reports/unit',
  mine: '/api/supervision/reports/mine',
};

function ReportCard({ r, scope }: { r: Report; scope: Scope }) {
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Link to={`/supervision/${r.id}`}>
        <Typography.Text strong>{r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text}</Typography.Text>
      </Link>
      <div>
        <ReportFlags r={r} />
      </div>
      <div>地点：{r.place}</div>
      {scope !== 'mine' && <div>委员：{r.memberName}</div>}
      {r.unitName && <div>承办单位：{r.unitName}</div>}
      {r.dueOn && <div>答复期限：{r.dueOn}</div>}
      <div>提交时间：{formatDateTime(r.filedAt)}</div>
    </Card>
  );
}

function ReportList({ scope }: { scope: Scope }) {
  const [params, setParams] = useListParams({ state: '', unitId: '', overdue: '', disputed: '' });
  const filters = {
    state: params.state || undefined,
    unitId: scope === 'staff' && params.unitId ? Number(params.unitId) : undefined,
    overdue: params.overdue === 'true' || undefined,
    disputed: params.disputed === 'true' || undefined,
  };
  const list = useQuery({
    queryKey: ['supervision', scope, filters, params.page, params.pageSize],
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
        data={list.data}
        loading={list.isLoading}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
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

export function StaffReportsPage() {
  return (
    <>
      <PageHeader title="随手拍" description="委员随手拍的问题：审核受理、合并、交办承办单位，跟踪答复和委员确认。" />
      <ReportList scope="staff" />
    </>
  );
}

export function UnitReportsPage() {
  return (
    <>
      <PageHeader title="随手拍办理" description="交办本单位的随手拍，请在答复期限内答复并上传办理结果照片。" />
      <ReportList scope="unit" />
    </>
  );
}

export function MyReportsPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="我的随手拍"
        extra={
          <Button type="primary" icon={<CameraOutlined />} onClick={() => navigate('/supervision/new')}>
            随手拍
          </Button>
        }
      />
      <ReportList scope="mine" />
    </>
  );
}
