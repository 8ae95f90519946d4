// The rule set's version history: every save is a new version, old ones are kept to look up.
import { Card, Table } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import type { RulesResponse } from '../queries.ts';

export function RuleVersionsCard({ versions }: { versions: RulesResponse['versions'] | undefined }) {
  return (
    <Card title="版本记录">
      <Table
        rowKey="id"
        dataSource={versions ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无' }}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '版本', dataIndex: 'version', render: (n) => `第 ${n} 版` },
          { title: '名称', dataIndex: 'name' },
          { title: '说明', dataIndex: 'note', render: (n) => n ?? '—' },
          { title: '保存人', dataIndex: 'createdBy' },
          { title: '时间', dataIndex: 'createdAt', render: (t) => formatDateTime(t) },
        ]}
      />
    </Card>
  );
}
