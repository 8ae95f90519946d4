// One 统计报告: its text with the numbers it was exported with, the Word file in the official layout, and every figure
// that has changed in the data since the export.
import { Alert, Card, Table, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, ExportButton, PageHeader } from '../../../components/index.ts';
import { formatNumber, periodLabel } from '../api.ts';
import { useReport } from '../queries.ts';

export function ReportPage() {
  const { id } = useParams();
  const { data: r, error } = useReport(id);
  if (error) return <ErrorAlert error={error} />;
  if (!r) return <Card loading />;
  // Each line keyed by its place and text: the report's text never changes on this page.
  const lines = r.text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l, i) => ({ key: `${i}:${l}`, text: l.trim() }));
  return (
    <>
      <PageHeader
        title={r.title}
        back="/figures/reports"
        description={`统计期间：${periodLabel(r.period)}　导出时间：${formatDateTime(r.exportedAt)}`}
        extra={
          <ExportButton type="primary" url={`/api/figures/reports/${r.id}/docx`}>
            下载 Word
          </ExportButton>
        }
      />
      {r.differences.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`导出后数据有变化：${r.differences.length} 个数字与现在的统计不同`}
          description={
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={r.differences}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '导出时', dataIndex: 'exported', render: (v: number, d) => `${formatNumber(v)}${d.unit}` },
                {
                  title: '现在',
                  dataIndex: 'now',
                  render: (v: number | null, d) => (v === null ? '—' : `${formatNumber(v)}${d.unit}`),
                },
              ]}
            />
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message="导出后数据没有变化，报告中的数字与现在的统计一致。"
        />
      )}
      <Card>
        <article aria-label="报告正文" style={{ maxWidth: 800, margin: '0 auto' }}>
          <Typography.Title level={2} style={{ textAlign: 'center', fontSize: 24 }}>
            {r.title}
          </Typography.Title>
          {lines.map((l) =>
            /^[一二三四五六七八九十]+、/.test(l.text) ? (
              <Typography.Title key={l.key} level={3} style={{ fontSize: 18, fontFamily: '黑体, SimHei, sans-serif' }}>
                {l.text}
              </Typography.Title>
            ) : (
              <Typography.Paragraph key={l.key} style={{ fontSize: 16, lineHeight: 2, textIndent: '2em' }}>
                {l.text}
              </Typography.Paragraph>
            ),
          )}
        </article>
      </Card>
    </>
  );
}
