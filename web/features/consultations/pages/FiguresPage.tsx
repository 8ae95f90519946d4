// 协商数据: the year's consultation figures and the annual report's sentence.
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { consultationKeys } from '../queries.ts';

export function FiguresPage() {
  const [year, setYear] = useState(beijingYear());
  const { data, error } = useQuery({
    queryKey: consultationKeys.figures(year),
    queryFn: () => api.get<any>(`/api/consultations/figures?year=${year}`),
  });
  return (
    <>
      <PageHeader title="协商数据" description="年度协商和民主监督数据，以及年度工作报告的表述。" />
      <Select
        aria-label="年度"
        value={year}
        onChange={setYear}
        style={{ width: 120, marginBottom: 16 }}
        options={[0, 1, 2, 3].map((d) => ({
          value: beijingYear() - d,
          label: `${beijingYear() - d}年`,
        }))}
      />
      <ErrorAlert error={error} />
      {data && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph>{data.sentence}</Typography.Paragraph>
            <Typography.Paragraph>{data.supervisionSentence}</Typography.Paragraph>
            <div>
              参加 {data.participants} 人次（委员 {data.members} 人），发言 {data.speeches} 篇、其中会上发言{' '}
              {data.delivered} 篇；计划协商议题 {data.plan.consultation.items} 项、已开展{' '}
              {data.plan.consultation.carried} 项。
            </div>
          </Card>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={data.byKind}
            columns={[
              { title: '协商类型', dataIndex: 'label' },
              { title: '次数', dataIndex: 'events' },
            ]}
          />
        </>
      )}
    </>
  );
}
