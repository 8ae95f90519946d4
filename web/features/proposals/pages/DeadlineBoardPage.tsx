// 办理督办: proposals due soon and overdue, by handling unit, for the office to chase.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, ItemsTable, PageHeader, useListParams } from '../../../components/index.ts';
import { TAG } from '../api.ts';
import { proposalKeys } from '../queries.ts';

export interface Board {
  units: { unitId: number; name: string; dueSoon: number; overdue: number }[];
  items: {
    assignmentId: number;
    proposalId: number;
    unitId: number;
    unitName: string;
    role: string;
    title: string;
    numberLabel: string;
    isKey: boolean;
    dueAt: string;
    daysLeft: number;
    overdue: boolean;
    extensionCount: number;
  }[];
}

export function DeadlineBoardPage() {
  const [params, setParams] = useListParams({ days: '30', unitId: '' });
  const q = { days: params.days, unitId: params.unitId };
  const { data, error, isFetching } = useQuery({
    queryKey: proposalKeys.deadlines(q),
    queryFn: () => api.get<Board>(`/api/proposals/deadlines${qs(q)}`),
  });
  return (
    <>
      <PageHeader
        title="办理督办"
        description="即将到期和已超期的承办件，按单位汇总；超期情况同时提醒承办单位、提案委和领导。"
        extra={<ExportButton url={`/api/proposals/deadlines.xlsx${qs(q)}`} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>
          即将到期{' '}
          <Select
            aria-label="即将到期天数"
            value={Number(params.days)}
            style={{ width: 140 }}
            onChange={(v) => setParams({ days: String(v) })}
            options={[7, 15, 30, 60].map((d) => ({ value: d, label: `${d} 天内` }))}
          />
        </span>
        {params.unitId && <Button onClick={() => setParams({ unitId: '' })}>显示全部单位</Button>}
      </Space>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title="按单位">
            <ItemsTable
              rowKey="unitId"
              size="middle"
              query={{ data: data && { items: data.units }, isFetching }}
              emptyText="没有即将到期或超期的提案"
              columns={[
                {
                  title: '承办单位',
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setParams({ unitId: String(r.unitId) })}>
                      {v}
                    </Button>
                  ),
                },
                { title: '即将到期', dataIndex: 'dueSoon' },
                {
                  title: '已超期',
                  dataIndex: 'overdue',
                  render: (v: number) => (v ? <Tag color={TAG.red}>{v}</Tag> : 0),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title="承办件">
            <ItemsTable
              rowKey="assignmentId"
              size="middle"
              query={{ data, isFetching }}
              pagination={{}}
              columns={[
                {
                  title: '案由',
                  dataIndex: 'title',
                  render: (v: string, r) => (
                    <Space wrap>
                      <Link to={`/proposals/${r.proposalId}`}>{v}</Link>
                      {r.isKey && <Tag color={TAG.red}>重点</Tag>}
                    </Space>
                  ),
                },
                { title: '提案号', dataIndex: 'numberLabel' },
                { title: '承办单位', dataIndex: 'unitName' },
                { title: '办理期限', dataIndex: 'dueAt', render: (v: string) => formatDate(v) },
                {
                  title: '剩余',
                  dataIndex: 'daysLeft',
                  render: (v: number, r) =>
                    r.overdue ? (
                      <Tag color={TAG.red}>超期 {-v} 天</Tag>
                    ) : (
                      <Tag color={v <= 7 ? TAG.orange : TAG.blue}>{v} 天</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
