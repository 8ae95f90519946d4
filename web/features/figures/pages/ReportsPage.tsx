// 统计报告: the reports a committee has exported, newest first, each linking to its page.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { periodLabel } from '../api.ts';
import { useReports } from '../queries.ts';

export function ReportsPage() {
  const { data, error, isLoading } = useReports();
  return (
    <>
      <PageHeader
        title="统计报告"
        description="年度工作报告和半年、季度总结的统计部分：数字由平台按数据生成，导出时保存。"
        extra={
          <Link to="/figures/reports/new">
            <Button type="primary" icon={<PlusOutlined />}>
              新建报告
            </Button>
          </Link>
        }
      />
      <ErrorAlert error={error} />
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '还没有导出的报告，点击「新建报告」开始。' }}
          columns={[
            {
              title: '报告标题',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/figures/reports/${r.id}`}>{t}</Link>,
            },
            { title: '统计期间', dataIndex: 'period', render: periodLabel },
            { title: '导出时间', dataIndex: 'exportedAt', render: formatDateTime },
          ]}
        />
      </Card>
    </>
  );
}
